package io.warmy.adapters.rest;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Checks the raw query string of every API request against RFC 3986 before anything reads it. It
 * stands in for the server's own check, which {@link RestApi#configure} turns off because
 * Helidon 4.1.7 refuses a ':' in a query (helidon-io/helidon#9862) and so every instant written as
 * {@code since=2026-03-20T14:30:00Z}. What the server's check did still has to be done: a stray
 * '%' would otherwise fail deep in the query decoder as a 500.
 */
final class QueryValidation implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        // Only the API reads queries; a tracking link a mail client mangled must still get its pixel or page.
        if (req.path().path().startsWith(RestApi.BASE_PATH)) {
            check(req.query().rawValue());
        }
        chain.proceed();
    }

    /** RFC 3986: query = *( pchar / "/" / "?" ), pchar = unreserved / pct-encoded / sub-delims / ":" / "@". */
    static void check(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !hex(raw.charAt(i + 1)) || !hex(raw.charAt(i + 2))) {
                    throw HttpProblem.malformedQuery("The query string has a '%' at position " + (i + 1)
                            + " that is not followed by two hexadecimal digits; send a literal '%' as %25.");
                }
                i += 2;
            } else if (!allowed(c)) {
                throw HttpProblem.malformedQuery("The query string has " + shown(c) + " at position " + (i + 1)
                        + ", which must be percent-encoded.");
            }
        }
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * Printable ASCII is quoted and control characters are shown by their code, so the detail stays
     * one clean line. Bytes beyond ASCII reach us already replaced by the server, so only their kind is told.
     */
    private static String shown(char c) {
        if (c > ' ' && c < 0x7f) {
            return "'" + c + "'";
        }
        return c < 0x80 ? String.format("the control character U+%04X", (int) c) : "a character outside ASCII";
    }
}
