package io.warmy.application.common;

import io.warmy.application.MovableClock;
import io.warmy.application.idempotency.port.in.RememberResponses.Begin;
import io.warmy.application.idempotency.port.out.IdempotencyRecords;
import io.warmy.application.idempotency.port.out.IdempotencyRecords.Response;
import io.warmy.application.idempotency.service.IdempotencyService;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyServiceTest {

    private static final Tenant LIVE = new Tenant(new WorkspaceId("ws_01KAT5QW3M7S1Z8XJ9VDQ4B2NC"), Mode.LIVE);
    private static final Response CREATED = new Response(201, "application/json", null, "{\"id\":1}", "req_a");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-20T12:00:00Z"));
    private final IdempotencyRecords records = new InMemoryStore().idempotencyRecords();
    private final IdempotencyService service = new IdempotencyService(records, clock, Duration.ofMillis(200));

    @Test
    void aRetryWithinADayReplaysTheFirstResponse() {
        Begin first = service.begin(LIVE, "order-1", "POST /x {}");
        assertThat(first).isInstanceOf(Begin.Proceed.class);
        service.finish(((Begin.Proceed) first).ticket(), CREATED);
        clock.advance(Duration.ofHours(23));
        assertThat(service.begin(LIVE, "order-1", "POST /x {}")).isEqualTo(new Begin.Replay(CREATED));
        clock.advance(Duration.ofHours(1));
        assertThat(service.begin(LIVE, "order-1", "POST /x {}")).isInstanceOf(Begin.Proceed.class);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedNamingTheHeader() {
        Begin first = service.begin(LIVE, "order-1", "POST /x {\"a\":1}");
        service.finish(((Begin.Proceed) first).ticket(), CREATED);
        assertThatThrownBy(() -> service.begin(LIVE, "order-1", "POST /x {\"a\":2}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("idempotency_key_reused");
                    assertThat(e.field()).isEqualTo("Idempotency-Key");
                });
    }

    @Test
    void aRequestStillRunningMakesTheRetryWaitThenSayItIsInProgress() {
        service.begin(LIVE, "order-1", "fp");
        long started = System.nanoTime();
        assertThatThrownBy(() -> service.begin(LIVE, "order-1", "fp"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency_key_in_progress"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void anAbandonedRequestCanBeDoneAgain() {
        Begin first = service.begin(LIVE, "order-1", "fp");
        service.abandon(((Begin.Proceed) first).ticket());
        assertThat(service.begin(LIVE, "order-1", "fp")).isInstanceOf(Begin.Proceed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "order-2026-03-20/42", "~!@#$%^&*() {}"})
    void printableAsciiKeysAreAccepted(String key) {
        assertThat(IdempotencyService.isValidKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "naïve", "line\nbreak"})
    void otherKeysAreNot(String key) {
        assertThat(IdempotencyService.isValidKey(key)).isFalse();
        assertThat(IdempotencyService.isValidKey("k".repeat(256))).isFalse();
    }
}
