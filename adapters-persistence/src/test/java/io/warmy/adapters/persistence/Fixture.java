package io.warmy.adapters.persistence;

import io.warmy.application.common.UlidIds;
import io.warmy.application.common.UuidV7;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.EventDraft;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;
import io.warmy.domain.webhook.WebhookSecret;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Valid domain values for the adapter's own tests; times in whole milliseconds, as stored. */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-03-20T14:30:00.123Z");
    static final MailboxFilter NO_FILTER = MailboxFilter.NONE;
    static final Optional<MailboxId> NO_CURSOR = Optional.empty();
    private static final UlidIds IDS = new UlidIds(Instant::now);
    private static final UuidV7 EVENT_IDS = new UuidV7(Instant::now);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixture() {
    }

    static Workspace workspace(String name) {
        return new Workspace(WorkspaceId.fromUlid(IDS.next()), name, NOW);
    }

    static Tenant tenant() {
        return new Tenant(WorkspaceId.fromUlid(IDS.next()), Mode.LIVE);
    }

    static String ulid() {
        return IDS.next();
    }

    static EventId eventId() {
        return new EventId(EVENT_IDS.next());
    }

    /** A click of one prospect on one URL: the same prospect and URL on the same day make one event. */
    static EventDraft click(String prospectId, String url) {
        return new Signal.Click(prospectId, new EmailAddress("anna@prospect.example"), "c1",
                MailboxId.fromUlid("01JD4S3K2M9V6QW8XR5T7YB0CE"), 1, url, NOW).toEvent();
    }

    /** A new enabled endpoint of {@code tenant}, not stored yet. */
    static WebhookEndpoint endpoint(Tenant tenant, Subscription subscription) {
        return WebhookEndpoint.create(WebhookEndpointId.fromUlid(IDS.next()), tenant,
                "https://hooks.example/" + IDS.next(), subscription, "Ünïcode 🚀 description", secret(), NOW);
    }

    /** A new random webhook signing secret. */
    static WebhookSecret secret() {
        byte[] key = new byte[WebhookSecret.RANDOM_BYTES];
        RANDOM.nextBytes(key);
        return WebhookSecret.fromRandom(key);
    }

    static Mailbox mailbox(Tenant tenant, String email) {
        return Mailbox.connect(MailboxId.fromUlid(IDS.next()), tenant, new EmailAddress(email), Provider.GOOGLE, null,
                null, NOW);
    }
}
