package io.warmy.adapters.persistence;

import io.warmy.domain.sending.LimitType;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class DbSendCountersTest {

    private static final int THREADS = 16;
    private static final LocalDate DAY = LocalDate.parse("2026-03-20");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void racingSendersOnANewDayCountExactlyToTheLimitEachGettingItsOwnNumber(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        int limit = 500;

        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            List<OptionalLong> answers = Concurrently.run(THREADS, 100, (thread, round) ->
                    adapter.sendCounters().tryIncrement(tenant, LimitType.DAILY_MAILBOX, "mbx_a", DAY, limit));

            List<Long> granted = answers.stream().filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
            assertThat(granted).hasSize(limit)
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, limit).boxed().toList());
            assertThat(answers.stream().filter(OptionalLong::isEmpty)).hasSize(THREADS * 100 - limit);
            assertThat(adapter.sendCounters().current(tenant, LimitType.DAILY_MAILBOX, "mbx_a", DAY)).isEqualTo(limit);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void racingSendsThatTakeTwoCountersAndUndoTheFirstWhenTheSecondRefusesLeaveBothAtTheSmallerLimit(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        int domainLimit = 300;

        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            // The sending service's pattern: the mailbox's counter, then the domain's, in one transaction.
            List<Boolean> sent = Concurrently.run(THREADS, 40, (thread, round) -> {
                try {
                    return adapter.transactions().inTransaction(() -> {
                        adapter.sendCounters().tryIncrement(tenant, LimitType.DAILY_MAILBOX, "mbx_" + thread % 4, DAY,
                                1_000).orElseThrow();
                        if (adapter.sendCounters().tryIncrement(tenant, LimitType.DAILY_DOMAIN, "acme.example", DAY,
                                domainLimit).isEmpty()) {
                            throw new DomainLimitReached();
                        }
                        return true;
                    });
                } catch (DomainLimitReached refused) {
                    return false;
                }
            });

            assertThat(sent.stream().filter(s -> s)).hasSize(domainLimit);
            assertThat(adapter.sendCounters().current(tenant, LimitType.DAILY_DOMAIN, "acme.example", DAY))
                    .isEqualTo(domainLimit);
            long mailboxTotal = LongStream.range(0, 4)
                    .map(m -> adapter.sendCounters().current(tenant, LimitType.DAILY_MAILBOX, "mbx_" + m, DAY))
                    .sum();
            assertThat(mailboxTotal).isEqualTo(domainLimit);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCounterAtItsLimitThatIsAskedAgainStaysWhereItIs(Engine engine) {
        var counters = engine.emptyStore().sendCounters();
        Tenant tenant = Fixture.tenant();
        counters.tryIncrement(tenant, LimitType.DAILY_DOMAIN, "acme.example", DAY, 1);

        assertThat(counters.tryIncrement(tenant, LimitType.DAILY_DOMAIN, "acme.example", DAY, 1)).isEmpty();
        assertThat(counters.tryIncrement(tenant, LimitType.DAILY_DOMAIN, "acme.example", DAY, 0)).isEmpty();
        assertThat(counters.current(tenant, LimitType.DAILY_DOMAIN, "acme.example", DAY)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aZeroLimitRefusesWithoutMakingACounter(Engine engine) {
        var counters = engine.emptyStore().sendCounters();
        Tenant tenant = Fixture.tenant();

        assertThat(counters.tryIncrement(tenant, LimitType.DAILY_MAILBOX, "mbx_a", DAY, 0)).isEmpty();
        assertThat(counters.current(tenant, LimitType.DAILY_MAILBOX, "mbx_a", DAY)).isZero();
    }

    /** The second counter refused: the transaction must undo the first. */
    private static final class DomainLimitReached extends RuntimeException {
        DomainLimitReached() {
            super("the domain's daily limit is reached");
        }
    }
}
