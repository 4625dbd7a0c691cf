package io.warmy.application.warmup;

import io.warmy.application.MovableClock;
import io.warmy.application.common.PageRequest;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.application.warmup.port.in.GetStats;
import io.warmy.application.warmup.port.in.ReportWarmup;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.health.AuthResult;
import io.warmy.domain.health.Authentication;
import io.warmy.domain.health.HealthStatus;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.domain.warmup.Placement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The warmup engine over 45 simulated days, in milliseconds, on the in-memory store. */
class WarmupReportServiceTest {

    private static final Authentication PASSING = new Authentication(AuthResult.PASS, AuthResult.PASS, AuthResult.PASS);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final ServiceGraph services = ServiceGraph.on(store, clock);
    private Tenant tenant;
    private String mailbox;

    @BeforeEach
    void aConnectedMailbox() {
        tenant = new Tenant(services.tenancy().createWorkspace("acme").id(), Mode.LIVE);
        mailbox = services.mailboxes().connect(new ConnectMailbox.Command(tenant, new EmailAddress("sales@acme.example"),
                Provider.GOOGLE, null, 500)).id().value();
    }

    private List<Event> events(EventType type) {
        return services.signals().list(tenant, new EventQuery(type, null, null), PageRequest.first(100)).items().reversed();
    }

    @Test
    void aFortyFiveDayWarmupFiresEachMilestoneAndEachBandChangeOnce() {
        ReportWarmup reports = services.warmupReports();
        int message = 0;
        for (int day = 1; day <= 45; day++) {
            int planned = services.warmup().status(tenant, mailbox).plannedToday();
            Optional<Authentication> auth = day >= 3 ? Optional.of(PASSING) : Optional.empty();
            for (int i = 0; i < planned; i++) {
                String id = "<w" + (++message) + "@warmup.example>";
                Instant now = clock.now();
                reports.sent(new ReportWarmup.Send(tenant, mailbox, id, now));
                // Early on a fifth lands in spam; the network rescues them the next morning.
                boolean spam = day <= 10 && i % 5 == 0;
                reports.placed(new ReportWarmup.Placed(tenant, mailbox, id, spam ? Placement.SPAM : Placement.INBOX, now,
                        auth, false));
                if (i % 3 == 0) {
                    reports.replied(new ReportWarmup.Replied(tenant, mailbox, id, now));
                }
            }
            assertThat(services.warmup().status(tenant, mailbox).sentToday()).isEqualTo(planned);
            clock.advance(Duration.ofDays(1));
        }

        assertThat(events(EventType.WARMUP_MILESTONE)).extracting(e -> e.data().get("milestone"))
                .containsExactlyInAnyOrder("day_7", "day_14", "daily_target", "day_30", "excellent_health");
        List<Event> changes = events(EventType.WARMUP_HEALTH_CHANGED);
        assertThat(changes).isNotEmpty().allSatisfy(e ->
                assertThat(e.data().get("previousStatus")).isNotEqualTo(e.data().get("status")));
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).data().get("previousStatus")).isEqualTo(changes.get(i - 1).data().get("status"));
        }
        assertThat(changes.getFirst().data().get("previousStatus")).isEqualTo("insufficient_data");
        assertThat(changes.getLast().data().get("status")).isEqualTo("excellent");
        assertThat(services.warmupReports().health(tenant, mailbox).health().status()).isEqualTo(HealthStatus.EXCELLENT);

        GetStats.Stats stats = services.warmupReports().stats(tenant, mailbox, null, null);
        assertThat(stats.daily()).hasSize(30);
        assertThat(stats.to()).isEqualTo(LocalDate.parse("2026-04-16"));
        assertThat(stats.daily().getLast()).isEqualTo(DailyStats.empty(LocalDate.parse("2026-04-16")));
        // The last 30 days are warmup days 17 to 46: 34, 36, 38, then the target of 40 until day 45.
        assertThat(stats.totals().sent()).isEqualTo(34 + 36 + 38 + 40L * 26);
        assertThat(stats.totals().inbox()).isEqualTo(stats.totals().sent());
    }

    @Test
    void aMoveFromSpamToTheInboxIsCountedOnceAsSavedFromSpam() {
        ReportWarmup reports = services.warmupReports();
        Instant now = clock.now();
        reports.sent(new ReportWarmup.Send(tenant, mailbox, "<m1>", now));
        assertThat(reports.placed(new ReportWarmup.Placed(tenant, mailbox, "<m1>", Placement.SPAM, now, Optional.empty(), false))
                .counted()).isTrue();
        clock.advance(Duration.ofHours(30));
        ReportWarmup.Placed rescued = new ReportWarmup.Placed(tenant, mailbox, "<m1>", Placement.INBOX, clock.now(),
                Optional.empty(), false);
        assertThat(reports.placed(rescued).counted()).isTrue();
        assertThat(reports.placed(rescued).counted()).isFalse();
        assertThat(reports.sent(new ReportWarmup.Send(tenant, mailbox, "<m1>", now)).counted()).isFalse();
        DailyStats first = services.warmupReports().stats(tenant, mailbox, LocalDate.parse("2026-03-02"),
                LocalDate.parse("2026-03-03")).daily().getFirst();
        assertThat(first).isEqualTo(new DailyStats(LocalDate.parse("2026-03-02"), 1, 1, 0, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void aCampaignBounceThatLowersTheBandIsAnnouncedWithTheBounce() {
        ReportWarmup reports = services.warmupReports();
        for (int i = 0; i < 20; i++) {
            String id = "<m" + i + ">";
            reports.sent(new ReportWarmup.Send(tenant, mailbox, id, clock.now()));
            reports.placed(new ReportWarmup.Placed(tenant, mailbox, id, Placement.INBOX, clock.now(), Optional.of(PASSING),
                    false));
        }
        assertThat(events(EventType.WARMUP_HEALTH_CHANGED)).extracting(e -> e.data().get("status")).containsExactly("excellent");

        services.signals().record(tenant, new io.warmy.domain.event.Signal.Bounce("p1",
                new EmailAddress("anna@prospect.example"), "c1", new io.warmy.domain.mailbox.MailboxId(mailbox),
                io.warmy.domain.event.Signal.BounceType.SOFT, "452 mailbox full", clock.now()));

        assertThat(events(EventType.WARMUP_HEALTH_CHANGED)).extracting(e -> e.data().get("status"))
                .containsExactly("excellent", "good");
        assertThat(services.warmupReports().health(tenant, mailbox).health().score()).isEqualTo(85);
    }

    @Test
    void statsRangesAreBoundedAndReportsFromTheFutureAreRefused() {
        assertThatThrownBy(() -> services.warmupReports().stats(tenant, mailbox, LocalDate.parse("2025-01-01"),
                LocalDate.parse("2026-03-01"))).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> services.warmupReports().stats(tenant, mailbox, LocalDate.parse("2026-03-05"),
                LocalDate.parse("2026-03-01"))).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("from"));
        assertThat(services.warmupReports().stats(tenant, mailbox, LocalDate.parse("2025-03-02"),
                LocalDate.parse("2026-03-02")).daily()).hasSize(366);
        assertThatThrownBy(() -> services.warmupReports().sent(new ReportWarmup.Send(tenant, mailbox, "<m1>",
                clock.now().plus(Duration.ofHours(1))))).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("sentAt"));
    }
}
