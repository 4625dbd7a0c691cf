package io.warmy.application.contract;

import io.warmy.application.testing.Store;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.domain.warmup.Placement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code WarmupActivity} adapter promises. */
public abstract class WarmupActivityContract {

    protected abstract Store newStore();

    private static final MailboxId MBX = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE");
    private static final MailboxId OTHER = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CF");
    private static final LocalDate D1 = LocalDate.parse("2026-03-20");

    private Store store;
    private WarmupActivity activity;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        store = newStore();
        activity = store.warmupActivity();
        live = new Fixtures(store).tenant(Mode.LIVE);
    }

    @Test
    void aMessageIsSentAndRepliedToOnce() {
        assertThat(activity.markSent(live, MBX, "<m1@warmy>")).isTrue();
        assertThat(activity.markSent(live, MBX, "<m1@warmy>")).isFalse();
        assertThat(activity.markReplied(live, MBX, "<m1@warmy>")).isTrue();
        assertThat(activity.markReplied(live, MBX, "<m1@warmy>")).isFalse();
        assertThat(activity.markReplied(live, MBX, "<m2@warmy>")).as("a reply may come before its send is known").isTrue();
        assertThat(activity.markComplained(live, MBX, "<m1@warmy>")).isTrue();
        assertThat(activity.markComplained(live, MBX, "<m1@warmy>")).isFalse();
        assertThat(activity.markSent(live, MBX, "<m2@warmy>")).isTrue();
    }

    @Test
    void aPlacementAnswersThePreviousOneAndKeepsTheDayOfTheFirst() {
        assertThat(activity.place(live, MBX, "<m1@warmy>", Placement.SPAM, D1)).isEmpty();
        assertThat(activity.place(live, MBX, "<m1@warmy>", Placement.INBOX, D1.plusDays(2)))
                .contains(new WarmupActivity.PlacedMessage(Placement.SPAM, D1));
        assertThat(activity.place(live, MBX, "<m1@warmy>", Placement.INBOX, D1.plusDays(3)))
                .contains(new WarmupActivity.PlacedMessage(Placement.INBOX, D1));
    }

    @Test
    void messagesArePerMailboxAndTenant() {
        activity.markSent(live, MBX, "<m1@warmy>");
        activity.place(live, MBX, "<m1@warmy>", Placement.INBOX, D1);
        assertThat(activity.markSent(live, OTHER, "<m1@warmy>")).isTrue();
        assertThat(activity.place(new Tenant(live.workspaceId(), Mode.SANDBOX), MBX, "<m1@warmy>", Placement.SPAM, D1))
                .isEmpty();
    }

    @Test
    void dailyCountersAddUpPerDayAndComeBackInDateOrder() {
        activity.add(live, MBX, new DailyStats(D1.plusDays(1), 3, 2, 1, 0, 0, 0, 1, 0, 0));
        activity.add(live, MBX, new DailyStats(D1, 5, 4, 1, 0, 0, 0, 2, 1, 0));
        activity.add(live, MBX, new DailyStats(D1, 1, 1, -1, 0, 0, 1, 0, 0, 1));
        activity.add(live, OTHER, new DailyStats(D1, 100, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(activity.days(live, MBX, D1, D1.plusDays(5))).containsExactly(
                new DailyStats(D1, 6, 5, 0, 0, 0, 1, 2, 1, 1),
                new DailyStats(D1.plusDays(1), 3, 2, 1, 0, 0, 0, 1, 0, 0));
        assertThat(activity.days(live, MBX, D1.plusDays(1), D1.plusDays(1))).hasSize(1);
        assertThat(activity.days(live, MBX, D1.minusDays(5), D1.minusDays(1))).isEmpty();
        assertThat(activity.days(new Tenant(live.workspaceId(), Mode.SANDBOX), MBX, D1, D1)).isEmpty();
    }

    @Test
    void everyCounterKeepsItsOwnColumn() {
        DailyStats all = new DailyStats(D1, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        activity.add(live, MBX, all);
        assertThat(activity.days(live, MBX, D1, D1)).containsExactly(all);
        assertThat(Optional.of(all.placed())).contains(14L);
    }
}
