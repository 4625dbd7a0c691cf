package io.warmy.domain.webhook;

import io.warmy.domain.common.InvalidValueException;

import java.util.Base64;
import java.util.Objects;

/**
 * An endpoint's signing secret: {@code whsec_} and the standard base64 of 24–64 random bytes, the
 * form both Stripe's and Standard Webhooks' verifiers take. Shown to the customer once (at
 * creation and rotation); {@link #toString()} never shows it.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    public static final int RANDOM_BYTES = 32;

    private final String value;

    private WebhookSecret(String value) {
        this.value = value;
    }

    public static WebhookSecret fromRandom(byte[] random) {
        if (random.length < 24 || random.length > 64) {
            throw new IllegalArgumentException("a webhook secret takes 24-64 random bytes");
        }
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(random));
    }

    /** Reads a stored secret back. */
    public static WebhookSecret of(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new InvalidValueException("secret", "A webhook secret starts with '" + PREFIX + "'.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("secret", "A webhook secret is 'whsec_' and standard base64.");
        }
        if (key.length < 24 || key.length > 64) {
            throw new InvalidValueException("secret", "A webhook secret holds 24-64 bytes.");
        }
        return new WebhookSecret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
