package io.warmy.domain.tracking;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Compact signed tokens for tracking links: {@code <key id>.<payload>.<signature>}, base64url
 * without padding. The payload is the link's fields joined by a control character that no field
 * may contain; the signature is the first 16 bytes of HMAC-SHA256 under the named key, over the
 * key id and the payload. No database row per link is needed: the token is the link.
 */
public final class TrackingTokens {

    private static final String SEPARATOR = "\u001f";
    private static final int SIGNATURE_BYTES = 16;
    private static final int MAX_TOKEN = 4096;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final TrackingKeys keys;

    public TrackingTokens(TrackingKeys keys) {
        this.keys = keys;
    }

    public String mint(TrackedLink link) {
        String payload = String.join(SEPARATOR, link.kind().code(), link.tenant().workspaceId().value(),
                link.tenant().mode() == Mode.LIVE ? "l" : "s", link.prospectId(), link.prospectEmail().value(),
                link.campaignId(), link.mailboxId().value(), Integer.toString(link.stepIndex()),
                Long.toString(link.mintedAt().getEpochSecond()), link.url() == null ? "" : link.url());
        String encoded = ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String signed = keys.currentId() + "." + encoded;
        return signed + "." + ENCODE.encodeToString(sign(keys.current(), signed));
    }

    /** The link a token stands for; empty for anything not minted by these keys, unaltered. */
    public Optional<TrackedLink> read(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<byte[]> key = keys.find(parts[0]);
        byte[] given;
        try {
            given = DECODE.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Only the canonical encoding counts: base64 lets the last character's spare bits vary.
        if (key.isEmpty() || given.length != SIGNATURE_BYTES || !ENCODE.encodeToString(given).equals(parts[2])
                || !MessageDigest.isEqual(given, sign(key.get(), parts[0] + "." + parts[1]))) {
            return Optional.empty();
        }
        try {
            String[] f = new String(DECODE.decode(parts[1]), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (f.length != 10) {
                return Optional.empty();
            }
            Tenant tenant = new Tenant(new WorkspaceId(f[1]), f[2].equals("l") ? Mode.LIVE : Mode.SANDBOX);
            return Optional.of(new TrackedLink(TrackedLink.Kind.of(f[0]), tenant, f[3], new EmailAddress(f[4]), f[5],
                    new MailboxId(f[6]), Integer.parseInt(f[7]), Instant.ofEpochSecond(Long.parseLong(f[8])),
                    f[9].isEmpty() ? null : f[9]));
        } catch (RuntimeException e) {
            // Signed by us but unreadable: only a token from an incompatible version could be.
            return Optional.empty();
        }
    }

    private static byte[] sign(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(message.getBytes(StandardCharsets.US_ASCII)), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
