package io.warmy.application.contract;

import io.warmy.application.common.UlidIds;
import io.warmy.application.common.UuidV7;
import io.warmy.application.testing.Store;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.EventId;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.ApiKeySecret;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds valid domain values for the contract suites. Times are whole milliseconds, the
 * precision every store must keep, and each new id sorts after the previous one.
 */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-20T14:30:00.123Z");

    private final AtomicLong clockMs = new AtomicLong(T0.toEpochMilli());
    private final UlidIds ids = new UlidIds(() -> Instant.ofEpochMilli(clockMs.incrementAndGet()));
    private final UuidV7 uuids = new UuidV7(() -> Instant.ofEpochMilli(clockMs.incrementAndGet()));
    private final SecureRandom random = new SecureRandom();
    private final Store store;

    Fixtures(Store store) {
        this.store = store;
    }

    Instant now() {
        return Instant.ofEpochMilli(clockMs.get());
    }

    Workspace workspace(String name) {
        Workspace ws = new Workspace(WorkspaceId.fromUlid(ids.next()), name, now());
        store.workspaces().insert(ws);
        return ws;
    }

    Tenant tenant(Mode mode) {
        return new Tenant(workspace("ws-" + ids.next().toLowerCase()).id(), mode);
    }

    ApiKey apiKey(WorkspaceId workspaceId, Mode mode, boolean admin) {
        ApiKeySecret secret = ApiKeySecret.fromRandom(mode, () -> random.nextInt(256));
        return ApiKey.issue(ApiKeyId.fromUlid(ids.next()), workspaceId, "key " + ids.next(), secret, admin, now());
    }

    EventId eventId() {
        return new EventId(uuids.next());
    }

    WebhookEndpoint endpoint(Tenant tenant, Subscription subscription, boolean enabled) {
        byte[] key = new byte[WebhookSecret.RANDOM_BYTES];
        random.nextBytes(key);
        WebhookEndpoint e = WebhookEndpoint.create(WebhookEndpointId.fromUlid(ids.next()), tenant,
                "https://hooks.example/" + ids.next(), subscription, "test endpoint", WebhookSecret.fromRandom(key), now());
        if (!enabled) {
            e = e.update(null, null, null, false, now());
        }
        store.webhookEndpoints().insert(e);
        return e;
    }

    Mailbox mailbox(Tenant tenant, String email, Provider provider) {
        return Mailbox.connect(MailboxId.fromUlid(ids.next()), tenant, new EmailAddress(email), provider, null, null, now());
    }
}
