package io.warmy.domain.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The full secret of an API key, {@code wk_live_<32 base62 chars>} or {@code wk_test_<…>}: about
 * 190 bits of randomness. It exists in memory only at creation (shown once) and while a request
 * is authenticated; at rest there is only its {@link #hash()}. {@link #toString()} never shows it.
 */
public final class ApiKeySecret {

    public static final int RANDOM_LENGTH = 32;
    private static final Pattern SHAPE = Pattern.compile("wk_(live|test)_[0-9A-Za-z]{" + RANDOM_LENGTH + "}");
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    /** How many characters of the key, after its mode prefix, are kept to let people recognise it. */
    private static final int VISIBLE = 4;

    private final String value;
    private final Mode mode;

    private ApiKeySecret(String value, Mode mode) {
        this.value = value;
        this.mode = mode;
    }

    /** Reads a presented key; empty when it does not have the shape of a Warmy key. */
    public static Optional<ApiKeySecret> parse(String raw) {
        if (raw == null || !SHAPE.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeySecret(raw, raw.startsWith(Mode.LIVE.keyPrefix()) ? Mode.LIVE : Mode.SANDBOX));
    }

    /**
     * Makes a key from random bytes (at least {@value #RANDOM_LENGTH}). Each byte picks one base62
     * character by rejection sampling, so every character is uniformly distributed.
     */
    public static ApiKeySecret fromRandom(Mode mode, java.util.function.IntSupplier randomByte) {
        StringBuilder sb = new StringBuilder(mode.keyPrefix());
        while (sb.length() < mode.keyPrefix().length() + RANDOM_LENGTH) {
            int b = randomByte.getAsInt() & 0xff;
            if (b < 248) { // 248 = 4 * 62: keeps the distribution uniform
                sb.append(BASE62[b % 62]);
            }
        }
        return new ApiKeySecret(sb.toString(), mode);
    }

    public Mode mode() {
        return mode;
    }

    /** The full key; call only to show it once at creation. */
    public String reveal() {
        return value;
    }

    /** What lists show: the mode prefix and the first characters, e.g. {@code wk_live_Ab3x}. */
    public String displayPrefix() {
        return value.substring(0, mode.keyPrefix().length() + VISIBLE);
    }

    /**
     * SHA-256 of the key, hex. A fast hash is right here: the key is random and long, so there is
     * nothing to brute-force, and lookups by hash must be cheap.
     */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return displayPrefix() + "…";
    }
}
