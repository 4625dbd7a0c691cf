package io.warmy.application.event;

import io.warmy.application.MovableClock;
import io.warmy.application.common.PageRequest;
import io.warmy.application.event.port.in.Recorded;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;
import io.warmy.domain.webhook.WebhookSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-20T14:30:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final ServiceGraph services = ServiceGraph.on(store, clock);
    private final EmailAddress anna = new EmailAddress("anna@prospect.example");
    private Tenant tenant;
    private MailboxId mailbox;

    @BeforeEach
    void workspaceWithAMailboxAndAWebhook() {
        tenant = new Tenant(services.tenancy().createWorkspace("acme").id(), Mode.LIVE);
        mailbox = services.mailboxes().connect(new ConnectMailbox.Command(tenant, new EmailAddress("sales@acme.example"),
                Provider.GOOGLE, null, null)).id();
        store.webhookEndpoints().insert(WebhookEndpoint.create(WebhookEndpointId.fromUlid("01JD4S3K2M9V6QW8XR5T7YB0CE"),
                tenant, "https://hooks.example/in", Subscription.ALL, "", WebhookSecret.fromRandom(new byte[32]),
                clock.now()));
    }

    private List<EventType> eventTypes() {
        return services.signals().list(tenant, EventQuery.ALL, PageRequest.first(100)).items().stream()
                .map(Event::type).toList();
    }

    @Test
    void aSignalMakesOneEventWithADeliveryAndARepeatIsADuplicate() {
        Signal click = new Signal.Click("p1", anna, "c1", mailbox, 0, "https://acme.example/a", clock.now());
        Recorded first = services.signals().record(tenant, click);
        Recorded again = services.signals().record(tenant, click);
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(store.outbox().deliveriesOf(tenant, first.eventId())).hasSize(1);
        assertThat(eventTypes()).containsExactly(EventType.EMAIL_CLICKED, EventType.MAILBOX_CONNECTED);
    }

    @Test
    void aHardBounceSuppressesTheAddressAndASoftOneDoesNot() {
        services.signals().record(tenant, new Signal.Bounce("p1", anna, "c1", mailbox, Signal.BounceType.SOFT, "452", clock.now()));
        assertThat(services.suppressions().check(tenant, anna)).isEmpty();
        clock.advance(Duration.ofDays(1));
        services.signals().record(tenant, new Signal.Bounce("p1", anna, "c1", mailbox, Signal.BounceType.HARD, "550", clock.now()));
        assertThat(services.suppressions().check(tenant, anna)).hasValueSatisfying(s -> {
            assertThat(s.reason()).isEqualTo(SuppressionReason.BOUNCE);
            assertThat(s.prospectId()).isEqualTo("p1");
        });
        assertThat(eventTypes()).containsExactly(EventType.PROSPECT_SUPPRESSED, EventType.EMAIL_BOUNCED,
                EventType.EMAIL_BOUNCED, EventType.MAILBOX_CONNECTED);
    }

    @Test
    void anUnsubscribeSuppressesOnceEvenWhenRepeated() {
        Signal unsubscribe = new Signal.Unsubscribe("p1", anna, "c1", clock.now());
        services.signals().record(tenant, unsubscribe);
        services.signals().record(tenant, unsubscribe);
        assertThat(services.suppressions().check(tenant, anna).orElseThrow().reason()).isEqualTo(SuppressionReason.UNSUBSCRIBE);
        assertThat(eventTypes()).containsExactly(EventType.PROSPECT_SUPPRESSED, EventType.EMAIL_UNSUBSCRIBED,
                EventType.MAILBOX_CONNECTED);
    }

    @Test
    void aSignalNamingAnotherTenantsMailboxIsNotFoundAndMakesNothing() {
        Tenant sandbox = new Tenant(tenant.workspaceId(), Mode.SANDBOX);
        assertThatThrownBy(() -> services.signals().record(sandbox,
                new Signal.Open("p1", anna, "c1", mailbox, 0, clock.now()))).isInstanceOf(NotFoundException.class);
        assertThat(services.signals().list(sandbox, EventQuery.ALL, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aSignalFromTheFutureIsRefusedNamingItsTimeField() {
        assertThatThrownBy(() -> services.signals().record(tenant,
                new Signal.Reply("p1", anna, "c1", mailbox, "Re", "<m1>", clock.now().plus(Duration.ofHours(2)))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("receivedAt"));
        assertThat(eventTypes()).containsExactly(EventType.MAILBOX_CONNECTED);
    }

    @Test
    void disconnectingAndReconnectingMakeOneEventPerConnection() {
        services.mailboxes().disconnect(tenant, mailbox.value(), "requested");
        clock.advance(Duration.ofMinutes(1));
        services.mailboxes().connect(new ConnectMailbox.Command(tenant, new EmailAddress("sales@acme.example"),
                Provider.GOOGLE, null, null));
        assertThat(eventTypes()).containsExactly(EventType.MAILBOX_CONNECTED, EventType.MAILBOX_DISCONNECTED,
                EventType.MAILBOX_CONNECTED);
    }
}
