package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.Set;
import java.util.TreeSet;

/**
 * Rules that record the routes a service registers instead of serving them: the API's own
 * routing code, run against this, says which (method, path) pairs it answers. Handlers for any
 * method (the gate, and the 405 answers) are not routes of their own.
 */
final class RecordingRules implements HttpRules {

    private final String prefix;
    private final Set<String> routes;

    RecordingRules() {
        this("", new TreeSet<>());
    }

    private RecordingRules(String prefix, Set<String> routes) {
        this.prefix = prefix;
        this.routes = routes;
    }

    /** "METHOD /path/{param}", path parameters written as the document writes them. */
    Set<String> routes() {
        return routes;
    }

    private HttpRules record(Method method, String path) {
        String full = (prefix + (path.equals("/") ? "" : path)).replace("{+", "{");
        routes.add(method.text() + " " + (full.isEmpty() ? "/" : full));
        return this;
    }

    @Override
    public HttpRules register(HttpService... services) {
        for (HttpService s : services) {
            s.routing(this);
        }
        return this;
    }

    @Override
    public HttpRules register(String pathPattern, HttpService... services) {
        RecordingRules nested = new RecordingRules(prefix + pathPattern, routes);
        for (HttpService s : services) {
            s.routing(nested);
        }
        return this;
    }

    @Override
    public HttpRules route(HttpRoute route) {
        throw new UnsupportedOperationException("the API registers routes by method and path");
    }

    @Override
    public HttpRules get(String pathPattern, Handler... handlers) {
        return record(Method.GET, pathPattern);
    }

    @Override
    public HttpRules post(String pathPattern, Handler... handlers) {
        return record(Method.POST, pathPattern);
    }

    @Override
    public HttpRules put(String pathPattern, Handler... handlers) {
        return record(Method.PUT, pathPattern);
    }

    @Override
    public HttpRules patch(String pathPattern, Handler... handlers) {
        return record(Method.PATCH, pathPattern);
    }

    @Override
    public HttpRules delete(String pathPattern, Handler... handlers) {
        return record(Method.DELETE, pathPattern);
    }

    @Override
    public HttpRules any(Handler... handlers) {
        return this;
    }

    @Override
    public HttpRules any(String pathPattern, Handler... handlers) {
        return this;
    }
}
