package io.warmy.adapters.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The two signature families every delivery carries (SPEC §5), so receivers can verify with
 * either Stripe's or Standard Webhooks' libraries:
 * <ul>
 *   <li>{@code X-Warmy-Signature: t=<ms>,v1=<hex>}: lower-case hex HMAC-SHA256 keyed by the
 *       secret's UTF-8 bytes ({@code whsec_…} included) over {@code "<t>.<raw body>"};</li>
 *   <li>{@code webhook-signature: v1,<base64>}: HMAC-SHA256 keyed by the base64-decoded part of
 *       the secret after {@code whsec_}, over {@code "<id>.<seconds>.<raw body>"}.</li>
 * </ul>
 * While a secret is rotated, each family lists one signature per secret, newest first.
 */
public final class WebhookSignatures {

    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignatures() {
    }

    /** {@code t=<ms>,v1=<hex>[,v1=<hex>…]}, one {@code v1} per secret. */
    public static String warmyHeader(List<String> secrets, long timestampMs, byte[] body) {
        StringBuilder header = new StringBuilder("t=").append(timestampMs);
        byte[] signed = concat((timestampMs + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String secret : secrets) {
            header.append(",v1=").append(HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), signed)));
        }
        return header.toString();
    }

    /** {@code v1,<base64>[ v1,<base64>…]}, one per secret, space-separated as Standard Webhooks defines. */
    public static String standardHeader(List<String> secrets, String messageId, long timestampSeconds, byte[] body) {
        byte[] signed = concat((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), body);
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append("v1,").append(Base64.getEncoder().encodeToString(hmac(standardKey(secret), signed)));
        }
        return header.toString();
    }

    /** The Standard Webhooks key: the base64 part of {@code whsec_<base64>}. */
    static byte[] standardKey(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with '" + SECRET_PREFIX + "'.");
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
