package io.warmy.application.webhook;

import io.warmy.application.MovableClock;
import io.warmy.application.common.PageRequest;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.application.webhook.port.in.ManageDeliveries;
import io.warmy.application.webhook.port.in.ManageWebhooks;
import io.warmy.application.webhook.service.DispatchService;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Event;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryFilter;
import io.warmy.domain.webhook.DeliveryOutcome;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher's use case on the in-memory store, with a scripted transport and a movable clock. */
class DispatchServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-20T14:30:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final ServiceGraph services = ServiceGraph.on(store, clock);
    private final Deque<DeliveryOutcome> script = new ArrayDeque<>();
    private final List<List<String>> secretsSeen = new ArrayList<>();
    private final List<Event> sent = new ArrayList<>();
    private final DispatchService dispatch = new DispatchService(store.deliveryQueue(), store.webhookEndpoints(),
            store.eventLog(), (event, url, secrets, at) -> {
                sent.add(event);
                secretsSeen.add(secrets);
                return script.isEmpty() ? DeliveryOutcome.answered(200, Duration.ofMillis(3), "ok", Optional.empty())
                        : script.poll();
            }, store.transactions(), clock, new Random(7));
    private Tenant tenant;
    private ManageWebhooks.WithSecret hook;

    @BeforeEach
    void aWorkspaceWithAnEndpointForEverything() {
        tenant = new Tenant(services.tenancy().createWorkspace("acme").id(), Mode.LIVE);
        hook = services.webhooks().create(new ManageWebhooks.CreateCommand(tenant, "https://hooks.example/in",
                List.of("*"), "all events"));
    }

    private void connectMailbox() {
        services.mailboxes().connect(new ConnectMailbox.Command(tenant, new EmailAddress("sales@acme.example"),
                Provider.GOOGLE, null, null));
    }

    private int runDue() {
        List<Delivery> claimed = dispatch.claimDue("node-a", 100, Duration.ofSeconds(60));
        claimed.forEach(d -> dispatch.attempt(d, "node-a"));
        return claimed.size();
    }

    private List<ManageDeliveries.Logged> log() {
        return services.webhooks().deliveries(tenant, hook.endpoint().id().value(), DeliveryFilter.ALL,
                PageRequest.first(50)).items();
    }

    @Test
    void anEventIsDeliveredOnceSignedWithTheEndpointsSecret() {
        connectMailbox();
        assertThat(runDue()).isEqualTo(1);
        assertThat(runDue()).isZero();
        assertThat(sent).extracting(e -> e.type().wireName()).containsExactly("mailbox.connected");
        assertThat(secretsSeen).containsExactly(List.of(hook.secret()));
        ManageDeliveries.Logged logged = log().getFirst();
        assertThat(logged.delivery().status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(logged.attempts()).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.latencyMs()).isEqualTo(3);
            assertThat(a.responseSnippet()).isEqualTo("ok");
        });
    }

    @Test
    void aFailingReceiverIsRetriedOnTheScheduleUntilItAnswers() {
        script.add(DeliveryOutcome.answered(500, Duration.ofMillis(9), "boom", Optional.empty()));
        script.add(DeliveryOutcome.failed("timed out after 10 s", Duration.ofSeconds(10), true));
        connectMailbox();
        runDue();
        assertThat(runDue()).as("not due before its retry time").isZero();
        clock.advance(Duration.ofSeconds(7));
        assertThat(runDue()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(runDue()).as("a timeout waits at least 60 s... of the 5 min schedule").isZero();
        clock.advance(Duration.ofMinutes(7));
        assertThat(runDue()).isEqualTo(1);
        ManageDeliveries.Logged logged = log().getFirst();
        assertThat(logged.delivery().status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(logged.attempts()).extracting(a -> a.statusCode() == null ? a.error() : "HTTP " + a.statusCode())
                .containsExactly("HTTP 500", "timed out after 10 s", "HTTP 200");
    }

    @Test
    void goneDisablesTheEndpointAndLaterEventsAreNotQueuedForIt() {
        script.add(DeliveryOutcome.answered(410, Duration.ofMillis(2), "", Optional.empty()));
        connectMailbox();
        runDue();
        WebhookEndpoint endpoint = services.webhooks().get(tenant, hook.endpoint().id().value());
        assertThat(endpoint.enabled()).isFalse();
        assertThat(endpoint.disabledReason()).isEqualTo(WebhookEndpoint.DISABLED_GONE);
        services.suppressions().suppress(new io.warmy.application.suppression.port.in.SuppressAddress.Command(tenant,
                new EmailAddress("x@prospect.example"), null, null));
        assertThat(runDue()).isZero();
        assertThat(log()).hasSize(1);
    }

    @Test
    void aDeliveryForAnEndpointDisabledMeanwhileIsGivenUpAndCanBeRecoveredAfterReEnabling() {
        connectMailbox();
        services.webhooks().update(tenant, hook.endpoint().id().value(),
                new ManageWebhooks.UpdateCommand(null, null, null, false));
        assertThat(runDue()).isEqualTo(1);
        assertThat(sent).isEmpty();
        assertThat(log().getFirst().delivery().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(log().getFirst().delivery().lastError()).contains("disabled");

        services.webhooks().update(tenant, hook.endpoint().id().value(),
                new ManageWebhooks.UpdateCommand(null, null, null, true));
        assertThat(services.webhooks().recover(tenant, hook.endpoint().id().value(), clock.now().minusSeconds(60)))
                .isEqualTo(1);
        runDue();
        assertThat(sent).hasSize(1);
        assertThat(log().getFirst().delivery().status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    }

    @Test
    void theTestButtonReachesOnlyItsEndpointEveryTimeAsANewEvent() {
        ManageWebhooks.WithSecret other = services.webhooks().create(new ManageWebhooks.CreateCommand(tenant,
                "https://hooks.example/other", List.of("*"), ""));
        var first = services.webhooks().sendTest(tenant, hook.endpoint().id().value());
        var second = services.webhooks().sendTest(tenant, hook.endpoint().id().value());
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        runDue();
        assertThat(sent).extracting(e -> e.type().wireName()).containsExactly("webhook.test", "webhook.test");
        assertThat(services.webhooks().deliveries(tenant, other.endpoint().id().value(), DeliveryFilter.ALL,
                PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void afterARotationBothSecretsSignForADay() {
        ManageWebhooks.WithSecret rotated = services.webhooks().rotateSecret(tenant, hook.endpoint().id().value());
        connectMailbox();
        runDue();
        assertThat(secretsSeen.getFirst()).containsExactly(rotated.secret(), hook.secret());
        clock.advance(Duration.ofHours(25));
        services.webhooks().sendTest(tenant, hook.endpoint().id().value());
        runDue();
        assertThat(secretsSeen.getLast()).containsExactly(rotated.secret());
    }
}
