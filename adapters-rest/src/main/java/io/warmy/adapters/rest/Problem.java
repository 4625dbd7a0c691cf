package io.warmy.adapters.rest;

import io.helidon.http.Status;

import java.util.Locale;
import java.util.Map;

/**
 * What a failure answers, before it is written: the status, a stable machine code, a detail a
 * developer can act on, the field at fault (if one is), and any headers the status calls for.
 */
record Problem(int status, String code, String detail, String field, Map<String, String> headers) {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://docs.warmy.io/errors/";

    Problem {
        headers = Map.copyOf(headers);
    }

    static Problem of(int status, String code, String detail) {
        return new Problem(status, code, detail, null, Map.of());
    }

    /** A problem known only by its status, for failures that carry no safe detail of their own. */
    static Problem ofStatus(int status) {
        return switch (status) {
            case 400 -> of(400, "bad_request", "The request could not be read as HTTP and was not processed.");
            case 413 -> of(413, "payload_too_large", RestApi.BODY_TOO_LARGE);
            default -> {
                if (status >= 500) {
                    yield internal();
                }
                String reason = Status.create(status).reasonPhrase();
                yield of(status, reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), reason + ".");
            }
        };
    }

    static Problem internal() {
        return of(500, "internal_error",
                "An unexpected error occurred on our side. If it keeps happening, contact support with the requestId.");
    }

    ProblemJson toJson(String requestId) {
        return ProblemJson.of(this, requestId);
    }
}
