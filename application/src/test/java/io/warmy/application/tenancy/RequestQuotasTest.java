package io.warmy.application.tenancy;

import io.warmy.application.MovableClock;
import io.warmy.application.tenancy.port.in.AdmitRequest.Admission;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.application.tenancy.service.RequestQuotas;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RequestQuotasTest {

    private static final Instant T0 = Instant.parse("2026-03-20T12:00:00Z");
    private final MovableClock clock = new MovableClock(T0);
    private final AtomicInteger leases = new AtomicInteger();
    private final QuotaLedger shared = new InMemoryStore().quotaLedger();
    private final QuotaLedger counted = (ws, key, limit, wanted, now) -> {
        leases.incrementAndGet();
        return shared.lease(ws, key, limit, wanted, now);
    };

    private static Caller caller(int perHour) {
        return new Caller(new ApiKeyId("key_01KAT5QW3M7S1Z8XJ9VDQ4B2NC"),
                new Tenant(new WorkspaceId("ws_01KAT5QW3M7S1Z8XJ9VDQ4B2NC"), Mode.LIVE), false, new RateLimit(perHour));
    }

    @Test
    void theThousandAndFirstRequestOfAnHourIsRefusedAndSaysWhenToComeBack() {
        RequestQuotas quotas = new RequestQuotas(counted, clock);
        Caller caller = caller(1000);
        for (int i = 1; i <= 1000; i++) {
            Admission a = quotas.admit(caller);
            assertThat(a.admitted()).isTrue();
            assertThat(a.limit()).isEqualTo(1000);
            assertThat(a.remaining()).isEqualTo(1000 - i);
            clock.advance(Duration.ofMillis(100));
        }
        Admission refused = quotas.admit(caller);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.remaining()).isZero();
        // The first block was granted at T0, 100 s ago: one request fits again when it leaves the hour.
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(1).minusSeconds(100));
        assertThat(leases.get()).isEqualTo(101); // one per block of 10, and one that was refused
        assertThat(quotas.refused()).isEqualTo(1);
    }

    @Test
    void aRefusalIsRememberedSoThatHammeringCostsTheLedgerNothing() {
        RequestQuotas quotas = new RequestQuotas(counted, clock);
        Caller caller = caller(5);
        for (int i = 0; i < 5; i++) {
            assertThat(quotas.admit(caller).admitted()).isTrue();
        }
        int leasesSoFar = leases.get();
        for (int i = 0; i < 100; i++) {
            assertThat(quotas.admit(caller).admitted()).isFalse();
        }
        assertThat(leases.get()).isEqualTo(leasesSoFar + 1);
        clock.advance(Duration.ofHours(1));
        assertThat(quotas.admit(caller).admitted()).isTrue();
    }

    @Test
    void twoNodesOnOneLedgerAdmitAtMostTheLimitPlusABlockEach() {
        RequestQuotas a = new RequestQuotas(shared, clock);
        RequestQuotas b = new RequestQuotas(shared, clock);
        Caller caller = caller(1000); // blocks of 10
        int admitted = 0;
        for (int i = 0; i < 3000; i++) {
            admitted += (i % 3 == 0 ? a : b).admit(caller).admitted() ? 1 : 0;
        }
        assertThat(admitted).isBetween(1000 - 2 * 10, 1000);
        // An hour later the blocks each node still held are spent on top of the new hour's quota.
        clock.advance(Duration.ofHours(1));
        int nextHour = 0;
        for (int i = 0; i < 3000; i++) {
            nextHour += (i % 2 == 0 ? a : b).admit(caller).admitted() ? 1 : 0;
        }
        assertThat(nextHour).isBetween(1000 - 2 * 10, 1000 + 2 * 10);
    }

    @Test
    void aBusyKeyLeasesItsNextBlockWhileHalfOfTheCurrentIsLeftSoNoRequestWaitsForTheLedger() {
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        RequestQuotas quotas = new RequestQuotas(counted, clock, background::add);
        Caller caller = caller(100_000); // blocks of 100
        for (int i = 1; i <= 50; i++) {
            assertThat(quotas.admit(caller).admitted()).isTrue();
        }
        assertThat(leases.get()).isEqualTo(1);
        assertThat(background).isEmpty();
        assertThat(quotas.admit(caller).remaining()).isEqualTo(100_000 - 51);
        assertThat(background).hasSize(1); // 49 left: the next block is asked for
        assertThat(leases.get()).isEqualTo(1);
        background.poll().run();
        assertThat(leases.get()).isEqualTo(2);
        // 49 + 100 tokens: the next 149 requests need no lease on their way; one more early lease is asked for.
        for (int i = 0; i < 149; i++) {
            assertThat(quotas.admit(caller).admitted()).isTrue();
        }
        assertThat(leases.get()).isEqualTo(2);
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(quotas.admit(caller).remaining()).isEqualTo(100_000 - 201);
    }

    @Test
    void earlyLeasesNeverLetTwoNodesPassTheLimit() {
        RequestQuotas a = new RequestQuotas(shared, clock, Runnable::run);
        RequestQuotas b = new RequestQuotas(shared, clock, Runnable::run);
        Caller caller = caller(10_000); // blocks of 100, leased early
        int admitted = 0;
        for (int i = 0; i < 30_000; i++) {
            admitted += (i % 3 == 0 ? a : b).admit(caller).admitted() ? 1 : 0;
        }
        assertThat(admitted).isBetween(10_000 - 2 * 150, 10_000);
    }

    @Test
    void aChangedLimitTakesEffectAtOnce() {
        RequestQuotas quotas = new RequestQuotas(counted, clock);
        assertThat(quotas.admit(caller(1000)).limit()).isEqualTo(1000);
        Admission lowered = quotas.admit(caller(2));
        assertThat(lowered.limit()).isEqualTo(2);
        assertThat(lowered.admitted()).isFalse(); // the hour already holds a block of 10 of the old limit
    }
}
