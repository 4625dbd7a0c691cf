package io.warmy.adapters.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Verifies an {@code X-Warmy-Signature} header the way a receiver should: the timestamp must be
 * within a tolerance (5 minutes by default) of now, and one {@code v1} must match, compared in
 * constant time after a length check. This is the code our tools use and our docs show.
 */
public final class WebhookVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final int HEX_LENGTH = 64;

    /** Why a signature was refused, or {@link #VALID}. */
    public enum Result { VALID, MALFORMED_HEADER, TIMESTAMP_OUT_OF_TOLERANCE, NO_MATCHING_SIGNATURE }

    private WebhookVerifier() {
    }

    public static Result verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        if (header == null || header.length() > 4096) {
            return Result.MALFORMED_HEADER;
        }
        Long timestamp = null;
        List<String> candidates = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return Result.MALFORMED_HEADER;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return Result.MALFORMED_HEADER;
                }
            } else if (key.equals("v1")) {
                candidates.add(value);
            }
        }
        if (timestamp == null || candidates.isEmpty()) {
            return Result.MALFORMED_HEADER;
        }
        if (Math.abs(now.toEpochMilli() - timestamp) > tolerance.toMillis()) {
            return Result.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        byte[] expected = WebhookSignatures.warmyHeader(List.of(secret), timestamp, body)
                .substring(("t=" + timestamp + ",v1=").length()).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : candidates) {
            byte[] presented = candidate.getBytes(StandardCharsets.US_ASCII);
            // Lengths first: isEqual on unequal lengths is not a constant-time question.
            if (presented.length == HEX_LENGTH) {
                match |= MessageDigest.isEqual(presented, expected);
            }
        }
        return match ? Result.VALID : Result.NO_MATCHING_SIGNATURE;
    }
}
