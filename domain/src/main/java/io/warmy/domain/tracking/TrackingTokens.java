package io.warmy.domain.tracking;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Compact sealed tokens for tracking links: {@code <key id>.<sealed>}, base64url without padding.
 * The link's fields (joined by a control character no field may contain) are encrypted and
 * authenticated with AES-256-GCM under a key derived from the named tracking key, with the key id
 * as associated data: a recipient can neither read the prospect's details out of a link nor alter
 * or forge one. No database row per link is needed: the token is the link.
 */
public final class TrackingTokens {

    private static final String SEPARATOR = "\u001f";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_TOKEN = 4096;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final TrackingKeys keys;
    private final SecureRandom random = new SecureRandom();

    public TrackingTokens(TrackingKeys keys) {
        this.keys = keys;
    }

    public String mint(TrackedLink link) {
        String payload = String.join(SEPARATOR, link.kind().code(), link.tenant().workspaceId().value(),
                link.tenant().mode() == Mode.LIVE ? "l" : "s", link.prospectId(), link.prospectEmail().value(),
                link.campaignId(), link.mailboxId().value(), Integer.toString(link.stepIndex()),
                Long.toString(link.mintedAt().getEpochSecond()), link.url() == null ? "" : link.url());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.current(), keys.currentId(), nonce,
                payload.getBytes(StandardCharsets.UTF_8));
        byte[] token = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, token, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, token, NONCE_BYTES, sealed.length);
        return keys.currentId() + "." + ENCODE.encodeToString(token);
    }

    /** The link a token stands for; empty for anything not minted by these keys, unaltered. */
    public Optional<TrackedLink> read(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Optional<byte[]> key = keys.find(parts[0]);
        byte[] bytes;
        try {
            bytes = DECODE.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Only the canonical encoding counts: base64 lets the last character's spare bits vary.
        if (key.isEmpty() || bytes.length <= NONCE_BYTES + TAG_BITS / 8 || !ENCODE.encodeToString(bytes).equals(parts[1])) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            plain = crypt(Cipher.DECRYPT_MODE, key.get(), parts[0], Arrays.copyOf(bytes, NONCE_BYTES),
                    Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
        } catch (IllegalStateException e) {
            return Optional.empty(); // altered, forged, or sealed under another key
        }
        try {
            String[] f = new String(plain, StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (f.length != 10) {
                return Optional.empty();
            }
            Tenant tenant = new Tenant(new WorkspaceId(f[1]), f[2].equals("l") ? Mode.LIVE : Mode.SANDBOX);
            return Optional.of(new TrackedLink(TrackedLink.Kind.of(f[0]), tenant, f[3], new EmailAddress(f[4]), f[5],
                    new MailboxId(f[6]), Integer.parseInt(f[7]), Instant.ofEpochSecond(Long.parseLong(f[8])),
                    f[9].isEmpty() ? null : f[9]));
        } catch (RuntimeException e) {
            // Sealed by us but unreadable: only a token from an incompatible version could be.
            return Optional.empty();
        }
    }

    /** AES-256-GCM under a key derived from the tracking key, the key id authenticated with the text. */
    private static byte[] crypt(int mode, byte[] trackingKey, String keyId, byte[] nonce, byte[] input) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(trackingKey, "HmacSHA256"));
            byte[] aesKey = derive.doFinal("warmy tracking link v1".getBytes(StandardCharsets.US_ASCII));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("not a token of this key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM and HmacSHA256 are part of every JDK", e);
        }
    }
}
