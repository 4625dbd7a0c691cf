package io.warmy.adapters.persistence;

import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.application.warmup.port.out.WarmupActivity.PlacedMessage;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.domain.warmup.Placement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DbWarmupActivityTest {

    private static final int THREADS = 16;
    private static final LocalDate DAY = LocalDate.parse("2026-03-20");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void racingAdditionsToOneDayLoseNoIncrement(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());
        DailyStats oneSent = new DailyStats(DAY, 1, 0, 0, 0, 0, 0, 0, 0, 0);

        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            Concurrently.run(THREADS, 50, (thread, round) -> {
                adapter.warmupActivity().add(tenant, mailbox, oneSent);
                return null;
            });

            assertThat(adapter.warmupActivity().days(tenant, mailbox, DAY, DAY))
                    .containsExactly(new DailyStats(DAY, 800, 0, 0, 0, 0, 0, 0, 0, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void racingPlacementsOfOneMessageFormOneChainEachAnsweringThePlacementItReplaced(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());
        // One call, numbered while it held the message's row locked, so the numbers follow the lock's order.
        record Call(long turn, Optional<PlacedMessage> before, Placement placed, LocalDate day) {
        }
        AtomicLong turns = new AtomicLong();

        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            WarmupActivity activity = adapter.warmupActivity();
            List<Call> calls = Concurrently.run(THREADS, 10, (thread, round) -> {
                Placement placement = (thread + round) % 2 == 0 ? Placement.SPAM : Placement.INBOX;
                LocalDate day = DAY.plusDays(thread);
                // As the reporting service calls it: inside a transaction, which holds the lock until it ends.
                return adapter.transactions().inTransaction(() -> {
                    Optional<PlacedMessage> before = activity.place(tenant, mailbox, "msg-1", placement, day);
                    return new Call(turns.incrementAndGet(), before, placement, day);
                });
            });

            List<Call> chain = calls.stream().sorted(Comparator.comparingLong(Call::turn)).toList();
            Call first = chain.getFirst();
            assertThat(first.before()).isEmpty();
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).before()).as("call %d of %d", i, chain.size())
                        .contains(new PlacedMessage(chain.get(i - 1).placed(), first.day()));
            }
            assertThat(activity.place(tenant, mailbox, "msg-1", Placement.PROMOTIONS, DAY.minusDays(1)))
                    .as("the row holds the last writer's placement and the first one's day")
                    .contains(new PlacedMessage(chain.getLast().placed(), first.day()));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ofRacingMarksOfOneMessageExactlyOneSetsEachFlag(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());

        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            WarmupActivity activity = adapter.warmupActivity();
            // Each round is a new message that every thread reports at once, half of them as a reply.
            record Mark(String message, boolean reply, boolean set) {
            }
            List<Mark> marks = Concurrently.run(THREADS, 20, (thread, round) -> {
                String message = "msg-" + round;
                boolean reply = thread % 2 == 1;
                return new Mark(message, reply, reply ? activity.markReplied(tenant, mailbox, message)
                        : activity.markSent(tenant, mailbox, message));
            });

            Map<String, Long> setsPerFlag = marks.stream().filter(Mark::set)
                    .collect(Collectors.groupingBy(m -> m.message() + (m.reply() ? "/replied" : "/sent"),
                            Collectors.counting()));
            assertThat(setsPerFlag).hasSize(40).allSatisfy((flag, sets) -> assertThat(sets).as(flag).isEqualTo(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMessageIsMarkedSentAndRepliedOnceEachAndItsPlacementIsKeptBesideThem(Engine engine) {
        WarmupActivity activity = engine.emptyStore().warmupActivity();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());

        assertThat(activity.markSent(tenant, mailbox, "msg-1")).isTrue();
        assertThat(activity.markSent(tenant, mailbox, "msg-1")).isFalse();
        assertThat(activity.place(tenant, mailbox, "msg-1", Placement.SPAM, DAY)).isEmpty();
        assertThat(activity.markReplied(tenant, mailbox, "msg-1")).isTrue();
        assertThat(activity.markReplied(tenant, mailbox, "msg-1")).isFalse();
        assertThat(activity.markSent(tenant, mailbox, "msg-1")).isFalse();
        assertThat(activity.place(tenant, mailbox, "msg-1", Placement.INBOX, DAY.plusDays(2)))
                .contains(new PlacedMessage(Placement.SPAM, DAY));
        assertThat(activity.markSent(tenant, MailboxId.fromUlid(Fixture.ulid()), "msg-1"))
                .as("the same message id of another mailbox").isTrue();
        assertThat(activity.markSent(Fixture.tenant(), mailbox, "msg-1")).as("of another tenant").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMessageFirstReportedByItsPlacementIsCountedOnThatDayAndCanBeMarkedSentLater(Engine engine) {
        WarmupActivity activity = engine.emptyStore().warmupActivity();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());

        assertThat(activity.place(tenant, mailbox, "msg-1", Placement.PROMOTIONS, DAY)).isEmpty();
        assertThat(activity.markSent(tenant, mailbox, "msg-1")).isTrue();
        assertThat(activity.place(tenant, mailbox, "msg-1", Placement.MISSING, DAY.plusDays(1)))
                .contains(new PlacedMessage(Placement.PROMOTIONS, DAY));
        assertThat(activity.place(tenant, mailbox, "msg-1", Placement.INBOX, DAY.plusDays(3)))
                .contains(new PlacedMessage(Placement.MISSING, DAY));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void additionsSumEveryCounterPerDayAndAMoveTakesFromOneFolderToGiveToAnother(Engine engine) {
        WarmupActivity activity = engine.emptyStore().warmupActivity();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());

        activity.add(tenant, mailbox, new DailyStats(DAY, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        activity.add(tenant, mailbox, new DailyStats(DAY, 10, 20, 30, 40, 50, 60, 70, 80, 90));
        activity.add(tenant, mailbox, new DailyStats(DAY, 0, 1, -1, 0, 0, 1, 0, 0, 0));

        assertThat(activity.days(tenant, mailbox, DAY, DAY))
                .containsExactly(new DailyStats(DAY, 11, 23, 32, 44, 55, 67, 77, 88, 99));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void daysAnswerTheCountedDaysOfTheRangeInDateOrderForThatMailboxOnly(Engine engine) {
        WarmupActivity activity = engine.emptyStore().warmupActivity();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());
        Function<Integer, DailyStats> sentOn = offset -> new DailyStats(DAY.plusDays(offset), offset + 1, 0, 0, 0, 0,
                0, 0, 0, 0);
        for (int offset : List.of(5, -1, 3, 0, 9, 4)) {
            activity.add(tenant, mailbox, sentOn.apply(offset));
        }
        activity.add(tenant, MailboxId.fromUlid(Fixture.ulid()), sentOn.apply(1));
        activity.add(Fixture.tenant(), mailbox, sentOn.apply(2));

        assertThat(activity.days(tenant, mailbox, DAY, DAY.plusDays(5)))
                .containsExactly(sentOn.apply(0), sentOn.apply(3), sentOn.apply(4), sentOn.apply(5));
        assertThat(activity.days(tenant, mailbox, DAY.plusDays(6), DAY.plusDays(8))).isEmpty();
    }
}
