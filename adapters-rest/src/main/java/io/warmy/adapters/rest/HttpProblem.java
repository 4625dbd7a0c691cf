package io.warmy.adapters.rest;

import java.util.List;
import java.util.Map;

/**
 * A failure of the HTTP exchange itself rather than of the domain: a body that is not JSON, too
 * large or of another media type, a route that does not exist, a method a route does not allow.
 * Raised by the adapter and turned into a problem response by {@link ProblemMapper}, like the
 * domain's failures.
 */
final class HttpProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final Map<String, String> headers;

    private HttpProblem(int status, String code, String detail, String field, Map<String, String> headers) {
        // No stack trace: these are answers to bad requests, not faults worth tracing.
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    private HttpProblem(int status, String code, String detail) {
        this(status, code, detail, null, Map.of());
    }

    static HttpProblem malformedJson(String detail) {
        return new HttpProblem(400, "malformed_json", detail);
    }

    static HttpProblem unsupportedMediaType(String received) {
        return new HttpProblem(415, "unsupported_media_type",
                "The request body must be sent as 'Content-Type: application/json' (was '" + received + "').");
    }

    static HttpProblem payloadTooLarge() {
        return new HttpProblem(413, "payload_too_large", RestApi.BODY_TOO_LARGE);
    }

    static HttpProblem noRoute(String method, String path) {
        return new HttpProblem(404, "route_not_found", "No route matches " + method + " " + path + ".");
    }

    static HttpProblem methodNotAllowed(String method, List<String> allowed) {
        String allow = String.join(", ", allowed);
        return new HttpProblem(405, "method_not_allowed",
                "This route does not answer " + method + "; it answers " + allow + ".", null, Map.of("Allow", allow));
    }

    static HttpProblem rateLimited(long retryAfterSeconds, Map<String, String> rateLimitHeaders) {
        java.util.LinkedHashMap<String, String> headers = new java.util.LinkedHashMap<>(rateLimitHeaders);
        headers.put("Retry-After", Long.toString(retryAfterSeconds));
        return new HttpProblem(429, "rate_limited", "This API key made more requests in the last hour than its limit of "
                + rateLimitHeaders.get("X-RateLimit-Limit") + "; retry after " + retryAfterSeconds + " seconds.",
                null, headers);
    }

    static HttpProblem invalidIdempotencyKey() {
        return new HttpProblem(400, "invalid_idempotency_key",
                "The Idempotency-Key header must be 1 to 255 printable ASCII characters.", "Idempotency-Key", Map.of());
    }

    static HttpProblem malformedQuery(String detail) {
        return new HttpProblem(400, "malformed_query", detail);
    }

    static HttpProblem unknownParameter(String name, List<String> accepted) {
        return new HttpProblem(400, "unknown_parameter", "Unknown query parameter '" + name + "'. Accepted: "
                + (accepted.isEmpty() ? "none" : String.join(", ", accepted)) + ".", name, Map.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    Map<String, String> headers() {
        return headers;
    }
}
