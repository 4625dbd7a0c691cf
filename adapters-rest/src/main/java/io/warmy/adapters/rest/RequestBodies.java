package io.warmy.adapters.rest;

import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.mailbox.port.in.UpdateMailbox;
import io.warmy.application.suppression.port.in.SuppressAddress;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.application.warmup.port.in.UpdateWarmupSettings;
import io.warmy.application.webhook.port.in.ManageWebhooks;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The request bodies the API accepts, one record each: its components are exactly the accepted
 * fields, and each maps itself to the use case's command, whose constructor validates it.
 * Absent fields are null: optional ones keep their default or current value.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code POST /mailboxes}: email and provider are required. */
    record ConnectMailboxBody(String email, String provider, String displayName, Integer dailyLimit) {

        ConnectMailbox.Command toCommand(Tenant tenant) {
            return new ConnectMailbox.Command(tenant, EmailAddress.parse(email, "email"),
                    Provider.parse(provider, "provider"), displayName, dailyLimit);
        }
    }

    /** {@code PATCH /mailboxes/:id}. */
    record UpdateMailboxBody(String displayName, Integer dailyLimit) {

        UpdateMailbox.Command toCommand() {
            return new UpdateMailbox.Command(displayName, dailyLimit);
        }
    }

    /** {@code PATCH /mailboxes/:id/warmup}: the resulting settings are validated as a whole. */
    record UpdateWarmupBody(Integer dailyTarget, Integer startVolume, Integer rampUpPerDay, Integer replyRate,
                            Boolean weekdaysOnly) {

        UpdateWarmupSettings.Command toCommand() {
            return new UpdateWarmupSettings.Command(dailyTarget, startVolume, rampUpPerDay, replyRate, weekdaysOnly);
        }
    }

    /** {@code POST /api-keys}: mode defaults to the caller's, admin to false. */
    record CreateApiKeyBody(String name, String mode, Boolean admin, Integer rateLimitPerHour) {

        CreateApiKey.Command toCommand() {
            return new CreateApiKey.Command(name, mode == null ? null : Mode.parse(mode, "mode"), Boolean.TRUE.equals(admin),
                    RateLimit.ofNullable(rateLimitPerHour));
        }
    }

    /** {@code POST /suppressions}: email is required, reason defaults to manual. */
    record SuppressAddressBody(String email, String reason, String prospectId) {

        SuppressAddress.Command toCommand(Tenant tenant) {
            return new SuppressAddress.Command(tenant, EmailAddress.parse(email, "email"),
                    reason == null ? null : SuppressionReason.parse(reason, "reason"), prospectId);
        }
    }

    /**
     * {@code POST /sandbox/events}: the type (required) and, optionally, payload fields to use
     * instead of made-up ones.
     */
    record TriggerEventBody(String type, java.util.Map<String, Object> data) {
    }

    /** {@code PATCH /sending-limits}: a limit left out keeps its current value, so {@code {}} changes nothing. */
    record UpdateSendingLimitsBody(Integer domainDailyLimit) {

        Optional<SendingLimits> toLimits() {
            return Optional.ofNullable(domainDailyLimit).map(SendingLimits::new);
        }
    }

    /** {@code POST /webhooks}: url and events are required; the event names are checked by the domain. */
    record CreateWebhookBody(String url, List<String> events, String description) {

        ManageWebhooks.CreateCommand toCommand(Tenant tenant) {
            return new ManageWebhooks.CreateCommand(tenant, url, eventNames(events), description);
        }
    }

    /** {@code PATCH /webhooks/:id}: a field left out keeps its value. */
    record UpdateWebhookBody(String url, List<String> events, String description, Boolean enabled) {

        ManageWebhooks.UpdateCommand toCommand() {
            return new ManageWebhooks.UpdateCommand(url, eventNames(events), description, enabled);
        }
    }

    /** {@code POST /webhooks/:id/recover}: since, an ISO-8601 instant, is required. */
    record RecoverDeliveriesBody(String since) {

        Instant toSince() {
            if (since == null) {
                throw new InvalidValueException("since",
                        "since is required: the time from which failed deliveries are tried again.");
            }
            try {
                return Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("since",
                        "since must be an ISO-8601 instant such as 2026-03-20T14:30:00Z.");
            }
        }
    }

    /**
     * A JSON null inside {@code events} is refused here, by the field's name: the domain would
     * otherwise report it as an event type called "null".
     */
    private static List<String> eventNames(List<String> events) {
        if (events != null && events.contains(null)) {
            throw new InvalidValueException("events",
                    "events must list event type names as strings, or [\"*\"] for all.");
        }
        return events;
    }

    /** Actions such as pause take no fields; a body, when sent, must be {@code {}}. */
    record NoFields() {
    }
}
