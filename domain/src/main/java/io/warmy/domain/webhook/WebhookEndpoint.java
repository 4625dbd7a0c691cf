package io.warmy.domain.webhook;

import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.tenancy.Tenant;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A customer's webhook endpoint: where events of its tenant (workspace and mode) go, and which.
 * A disabled endpoint receives nothing new; {@code disabledReason} says why. While a secret is
 * rotated, the previous one keeps signing (beside the new one) for {@link #ROTATION_OVERLAP}.
 * {@code failingSince} is the time of the first failure since the last success.
 */
public record WebhookEndpoint(WebhookEndpointId id, Tenant tenant, String url, Subscription subscription,
                              String description, boolean enabled, String disabledReason, WebhookSecret secret,
                              WebhookSecret previousSecret, Instant previousSecretExpiresAt, Instant failingSince,
                              Instant createdAt, Instant updatedAt) {

    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    /** An endpoint whose deliveries have all failed for this long is disabled. */
    public static final Duration FAILING_LIMIT = Duration.ofDays(5);
    public static final int MAX_URL = 2048;
    public static final int MAX_DESCRIPTION = 500;

    public static final String DISABLED_GONE = "endpoint_gone";
    public static final String DISABLED_FAILING = "failing_for_5_days";
    public static final String DISABLED_BY_USER = "disabled_by_user";

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        url = requireUrl(url);
        Objects.requireNonNull(subscription, "subscription");
        description = requireDescription(description);
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (enabled) {
            disabledReason = null;
        }
    }

    public static WebhookEndpoint create(WebhookEndpointId id, Tenant tenant, String url, Subscription subscription,
                                         String description, WebhookSecret secret, Instant now) {
        return new WebhookEndpoint(id, tenant, url, subscription, description, true, null, secret, null, null, null,
                now, now);
    }

    /** The secrets that sign a delivery now, newest first. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret.reveal());
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret.reveal());
        }
        return secrets;
    }

    /** A new secret signs from now on; the current one goes on signing beside it for 24 hours. */
    public WebhookEndpoint rotate(WebhookSecret newSecret, Instant now) {
        return new WebhookEndpoint(id, tenant, url, subscription, description, enabled, disabledReason, newSecret,
                secret, now.plus(ROTATION_OVERLAP), failingSince, createdAt, now);
    }

    /**
     * Changes what the customer may change; null leaves a field as it is. Enabling an endpoint
     * clears why it was disabled and its failure streak.
     */
    public WebhookEndpoint update(String newUrl, Subscription newSubscription, String newDescription, Boolean newEnabled,
                                  Instant now) {
        boolean on = newEnabled == null ? enabled : newEnabled;
        String reason = on ? null : (newEnabled != null && !newEnabled && enabled ? DISABLED_BY_USER : disabledReason);
        Instant failing = on && !enabled ? null : failingSince;
        return new WebhookEndpoint(id, tenant, newUrl == null ? url : newUrl,
                newSubscription == null ? subscription : newSubscription,
                newDescription == null ? description : newDescription, on, reason, secret, previousSecret,
                previousSecretExpiresAt, failing, createdAt, now);
    }

    public WebhookEndpoint disable(String reason, Instant now) {
        return new WebhookEndpoint(id, tenant, url, subscription, description, false, reason, secret, previousSecret,
                previousSecretExpiresAt, failingSince, createdAt, now);
    }

    /** After a delivered attempt: the failure streak is over. */
    public WebhookEndpoint succeeded(Instant now) {
        if (failingSince == null) {
            return this;
        }
        return new WebhookEndpoint(id, tenant, url, subscription, description, enabled, disabledReason, secret,
                previousSecret, previousSecretExpiresAt, null, createdAt, now);
    }

    /** After a failed attempt: starts (or continues) the failure streak, and disables after 5 days of it. */
    public WebhookEndpoint failed(Instant now) {
        Instant since = failingSince == null ? now : failingSince;
        boolean tooLong = !now.isBefore(since.plus(FAILING_LIMIT));
        if (failingSince != null && !tooLong) {
            return this;
        }
        return new WebhookEndpoint(id, tenant, url, subscription, description, enabled && !tooLong,
                tooLong ? DISABLED_FAILING : disabledReason, secret, previousSecret, previousSecretExpiresAt, since,
                createdAt, now);
    }

    /** The URL's shape: absolute http(s) with a host, no credentials, at most 2048 characters. Which hosts may be called is the policy's. */
    public static String requireUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidValueException("url", "url is required.");
        }
        if (url.length() > MAX_URL) {
            throw new InvalidValueException("url", "url must be at most " + MAX_URL + " characters.");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidValueException("url", "url must be an http or https URL.");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidValueException("url", "url must name a host.");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidValueException("url", "url must not carry credentials.");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidValueException("url", "url is not a valid URL.");
        }
    }

    private static String requireDescription(String description) {
        if (description == null) {
            return "";
        }
        if (description.length() > MAX_DESCRIPTION || description.codePoints().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new InvalidValueException("description",
                    "description must be at most " + MAX_DESCRIPTION + " characters without control characters.");
        }
        return description;
    }
}
