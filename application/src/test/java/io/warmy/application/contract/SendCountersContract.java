package io.warmy.application.contract;

import io.warmy.application.sending.port.out.SendCounters;
import io.warmy.application.testing.Store;
import io.warmy.domain.sending.LimitType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@code SendCounters} adapter promises: counts to the limit and never past it. */
public abstract class SendCountersContract {

    protected abstract Store newStore();

    private static final LocalDate DAY = LocalDate.parse("2026-03-20");

    private Store store;
    private SendCounters counters;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        store = newStore();
        counters = store.sendCounters();
        live = new Fixtures(store).tenant(Mode.LIVE);
    }

    @Test
    void aCounterCountsUpToItsLimitAndThenRefusesWithoutMoving() {
        assertThat(counters.current(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY)).isZero();
        assertThat(counters.tryIncrement(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY, 3)).isEqualTo(OptionalLong.of(1));
        assertThat(counters.tryIncrement(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY, 3)).isEqualTo(OptionalLong.of(2));
        assertThat(counters.tryIncrement(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY, 3)).isEqualTo(OptionalLong.of(3));
        assertThat(counters.tryIncrement(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY, 3)).isEmpty();
        assertThat(counters.current(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY)).isEqualTo(3);
    }

    @Test
    void aRaisedLimitLetsTheCounterGoOn() {
        counters.tryIncrement(live, LimitType.DAILY_DOMAIN, "acme.example", DAY, 1);
        assertThat(counters.tryIncrement(live, LimitType.DAILY_DOMAIN, "acme.example", DAY, 1)).isEmpty();
        assertThat(counters.tryIncrement(live, LimitType.DAILY_DOMAIN, "acme.example", DAY, 2)).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void countersAreSeparatePerTypeIdentifierDayAndTenant() {
        counters.tryIncrement(live, LimitType.DAILY_MAILBOX, "x", DAY, 10);
        assertThat(counters.current(live, LimitType.DAILY_DOMAIN, "x", DAY)).isZero();
        assertThat(counters.current(live, LimitType.DAILY_MAILBOX, "y", DAY)).isZero();
        assertThat(counters.current(live, LimitType.DAILY_MAILBOX, "x", DAY.plusDays(1))).isZero();
        assertThat(counters.current(new Tenant(live.workspaceId(), Mode.SANDBOX), LimitType.DAILY_MAILBOX, "x", DAY)).isZero();
        assertThat(counters.current(live, LimitType.DAILY_MAILBOX, "x", DAY)).isEqualTo(1);
    }

    @Test
    void anIncrementRolledBackWithItsTransactionIsNotCounted() {
        counters.tryIncrement(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY, 5);
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            counters.tryIncrement(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY, 5);
            counters.tryIncrement(live, LimitType.DAILY_MAILBOX, "mbx_new", DAY, 5);
            throw new IllegalStateException("the other counter was at its limit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(counters.current(live, LimitType.DAILY_MAILBOX, "mbx_a", DAY)).isEqualTo(1);
        assertThat(counters.current(live, LimitType.DAILY_MAILBOX, "mbx_new", DAY)).isZero();
    }
}
