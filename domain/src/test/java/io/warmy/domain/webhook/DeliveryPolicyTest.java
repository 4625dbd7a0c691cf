package io.warmy.domain.webhook;

import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPolicyTest {

    private static final Instant T = Instant.parse("2026-03-20T14:30:00Z");
    private static final Tenant TENANT = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.LIVE);
    private final WebhookEndpoint endpoint = WebhookEndpoint.create(new WebhookEndpointId("we_01JD4S3K2M9V6QW8XR5T7YB0CE"),
            TENANT, "https://hooks.example/in", Subscription.ALL, "", WebhookSecret.fromRandom(new byte[32]), T);
    private final Delivery delivery = Delivery.pending(new DeliveryId("dlv_01JD4S3K2M9V6QW8XR5T7YB0CE"), TENANT,
            endpoint.id(), new EventId("0190f5e4-7d2a-7c3b-8a1e-4f5d6c7b8a9e"), EventType.EMAIL_CLICKED, T);

    private static DeliveryOutcome status(int code) {
        return DeliveryOutcome.answered(code, Duration.ofMillis(7), "body", Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void any2xxSucceedsAndEndsTheFailureStreak(int code) {
        WebhookEndpoint failing = endpoint.failed(T);
        var settled = DeliveryPolicy.settle(delivery, failing, status(code), T.plusSeconds(1), new Random(1));
        assertThat(settled.delivery().status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(settled.delivery().attempts()).isEqualTo(1);
        assertThat(settled.delivery().nextAttemptAt()).isNull();
        assertThat(settled.endpoint().failingSince()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 400, 404, 429, 500, 502, 503})
    void redirectsAndErrorsAreRetriedOnTheSchedule(int code) {
        var settled = DeliveryPolicy.settle(delivery, endpoint, status(code), T, new Random(1));
        assertThat(settled.delivery().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(settled.delivery().nextAttemptAt()).isAfter(T);
        assertThat(settled.delivery().lastStatusCode()).isEqualTo(code);
        assertThat(settled.delivery().lastError()).isEqualTo("HTTP " + code);
        assertThat(settled.endpoint().failingSince()).isEqualTo(T);
        assertThat(settled.endpoint().enabled()).isTrue();
    }

    @Test
    void goneEndsTheDeliveryAndDisablesTheEndpoint() {
        var settled = DeliveryPolicy.settle(delivery, endpoint, status(410), T, new Random(1));
        assertThat(settled.delivery().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(settled.endpoint().enabled()).isFalse();
        assertThat(settled.endpoint().disabledReason()).isEqualTo(WebhookEndpoint.DISABLED_GONE);
    }

    @Test
    void afterTheLastAttemptTheDeliveryFails() {
        Delivery tried7 = delivery;
        for (int i = 0; i < 7; i++) {
            tried7 = tried7.after(status(500), DeliveryStatus.PENDING, T);
        }
        var settled = DeliveryPolicy.settle(tried7, endpoint, status(500), T, new Random(1));
        assertThat(settled.delivery().attempts()).isEqualTo(8);
        assertThat(settled.delivery().status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void fiveDaysOfNothingButFailuresDisableTheEndpoint() {
        WebhookEndpoint failing = endpoint.failed(T);
        var almost = DeliveryPolicy.settle(delivery, failing, status(500), T.plus(Duration.ofDays(5)).minusSeconds(1), new Random(1));
        assertThat(almost.endpoint().enabled()).isTrue();
        var fiveDays = DeliveryPolicy.settle(delivery, failing, status(500), T.plus(Duration.ofDays(5)), new Random(1));
        assertThat(fiveDays.endpoint().enabled()).isFalse();
        assertThat(fiveDays.endpoint().disabledReason()).isEqualTo(WebhookEndpoint.DISABLED_FAILING);
        assertThat(fiveDays.endpoint().update(null, null, null, true, T.plus(Duration.ofDays(6))))
                .satisfies(e -> {
                    assertThat(e.enabled()).isTrue();
                    assertThat(e.disabledReason()).isNull();
                    assertThat(e.failingSince()).as("re-enabling starts afresh").isNull();
                });
    }

    @Test
    void aTimeoutIsLoggedAsAnErrorWithoutAStatus() {
        var settled = DeliveryPolicy.settle(delivery, endpoint,
                DeliveryOutcome.failed("timed out after 10 s", Duration.ofSeconds(10), true), T, new Random(1));
        assertThat(settled.delivery().lastStatusCode()).isNull();
        assertThat(settled.delivery().lastError()).isEqualTo("timed out after 10 s");
        assertThat(settled.delivery().nextAttemptAt()).isEqualTo(T.plusSeconds(60));
    }
}
