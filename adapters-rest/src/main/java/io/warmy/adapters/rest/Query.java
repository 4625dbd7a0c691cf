package io.warmy.adapters.rest;

import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import io.warmy.application.common.PageRequest;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The query parameters of a list, read strictly: a parameter the route does not know, one given
 * twice, or a value that does not parse is a 400 naming the parameter, so a typo in a filter never
 * silently returns everything.
 */
final class Query {

    private final UriQuery query;

    private Query(UriQuery query) {
        this.query = query;
    }

    /** The request's query, refusing any parameter not in {@code accepted}. */
    static Query of(ServerRequest req, String... accepted) {
        UriQuery query = req.query();
        Set<String> known = Set.of(accepted);
        for (String name : query.names()) {
            if (!known.contains(name)) {
                throw HttpProblem.unknownParameter(safeName(name), List.of(accepted));
            }
            if (query.all(name).size() > 1) {
                throw new MalformedException(name, "Query parameter '" + name + "' may be given only once.");
            }
        }
        return new Query(query);
    }

    /** The {@code limit} and {@code cursor} of a page. */
    PageRequest page() {
        return PageRequest.parse(value("limit"), value("cursor"));
    }

    /** A filter value parsed by a domain parser, or null when the parameter is absent. */
    <T> T filter(String name, BiFunction<String, String, T> parser) {
        String raw = value(name);
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw, name);
        } catch (InvalidValueException e) {
            // A bad filter is a malformed request (400), not a refused value (422): nothing was to be changed.
            throw new MalformedException(name, e.getMessage());
        }
    }

    private String value(String name) {
        List<String> values = query.all(name, List::of);
        return values.isEmpty() ? null : values.get(0);
    }

    private static String safeName(String name) {
        String printable = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
