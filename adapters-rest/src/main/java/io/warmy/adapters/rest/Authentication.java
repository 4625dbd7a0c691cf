package io.warmy.adapters.rest;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.tenancy.port.in.AuthenticateApiKey;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.domain.common.UnauthenticatedException;

/**
 * The gate of {@code /api/v1}: reads {@code Authorization: Bearer <key>}, proves it with
 * {@link AuthenticateApiKey} and keeps the {@link Caller} on the request, whose tenant then
 * scopes every call the handlers make. No key, or a bad one, stops the request with a 401.
 */
final class Authentication implements Handler {

    private static final String CONTEXT_KEY = Caller.class.getName();
    private static final String SCHEME = "Bearer";

    private final AuthenticateApiKey authenticate;

    Authentication(AuthenticateApiKey authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Caller caller = authenticate.authenticate(presentedKey(req));
        req.context().register(CONTEXT_KEY, caller);
        res.next();
    }

    /** The caller proven by the gate; every handler behind it can rely on one being there. */
    static Caller caller(ServerRequest req) {
        return req.context().get(CONTEXT_KEY, Caller.class)
                .orElseThrow(() -> new IllegalStateException("Route reached without passing authentication"));
    }

    /** The caller, when the request has passed the gate. */
    static java.util.Optional<Caller> callerIfAny(ServerRequest req) {
        return req.context().get(CONTEXT_KEY, Caller.class);
    }

    private static String presentedKey(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).map(String::strip).orElse("");
        if (header.isEmpty()) {
            throw new UnauthenticatedException("missing_api_key",
                    "No API key was sent; send it as 'Authorization: Bearer <key>'.");
        }
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME)) {
            throw new UnauthenticatedException("invalid_authorization",
                    "The Authorization header must be 'Bearer <key>'.");
        }
        return header.substring(space + 1).strip();
    }
}
