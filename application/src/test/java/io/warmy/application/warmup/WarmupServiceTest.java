package io.warmy.application.warmup;

import io.warmy.application.MovableClock;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.mailbox.service.MailboxService;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.application.warmup.port.in.UpdateWarmupSettings;
import io.warmy.application.warmup.port.in.WarmupView;
import io.warmy.application.warmup.service.WarmupService;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.warmup.WarmupSettings;
import io.warmy.domain.warmup.WarmupStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarmupServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z")); // a Monday
    private final InMemoryStore store = new InMemoryStore();
    private final ServiceGraph services = ServiceGraph.on(store, clock);
    private final MailboxService mailboxes = services.mailboxes();
    private final WarmupService warmup = services.warmup();
    private final Tenant acme = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.LIVE);
    private String id;

    @BeforeEach
    void connect() {
        id = mailboxes.connect(new ConnectMailbox.Command(acme, new EmailAddress("anna@acme.example"), Provider.GOOGLE,
                null, 500)).id().value();
    }

    @Test
    void aFortyFiveDayWarmupRampsToItsTargetAndPassesEveryMilestone() {
        WarmupView day1 = warmup.status(acme, id);
        assertThat(day1.day()).isEqualTo(1);
        assertThat(day1.plannedToday()).isEqualTo(2);
        assertThat(day1.nextMilestone().orElseThrow().name()).isEqualTo("day_7");
        assertThat(day1.nextMilestone().orElseThrow().expectedOn()).isEqualTo(LocalDate.parse("2026-11-29"));

        clock.advance(Duration.ofDays(19));
        WarmupView day20 = warmup.status(acme, id);
        assertThat(day20.day()).isEqualTo(20);
        assertThat(day20.plannedToday()).isEqualTo(WarmupSettings.DEFAULTS.dailyTarget());
        assertThat(day20.nextMilestone().orElseThrow().name()).isEqualTo("day_30");

        clock.advance(Duration.ofDays(25));
        WarmupView day45 = warmup.status(acme, id);
        assertThat(day45.day()).isEqualTo(45);
        assertThat(day45.plannedToday()).isEqualTo(40);
        assertThat(day45.nextMilestone()).isEmpty();
    }

    @Test
    void aPausedWarmupHoldsItsDayAndPlansNothingUntilResumed() {
        clock.advance(Duration.ofDays(4));
        WarmupView paused = warmup.pause(acme, id);
        assertThat(paused.status()).isEqualTo(WarmupStatus.PAUSED);
        assertThat(paused.day()).isEqualTo(5);
        assertThat(paused.plannedToday()).isZero();
        assertThat(paused.nextMilestone().orElseThrow().expectedOn()).isNull();

        clock.advance(Duration.ofDays(10));
        assertThat(warmup.status(acme, id).day()).isEqualTo(5);
        WarmupView resumed = warmup.resume(acme, id);
        assertThat(resumed.status()).isEqualTo(WarmupStatus.ACTIVE);
        assertThat(resumed.day()).isEqualTo(6);
        assertThat(resumed.plannedToday()).isEqualTo(12);
    }

    @Test
    void settingsChangeTheRampAndABadValueChangesNothing() {
        clock.advance(Duration.ofDays(2)); // day 3
        WarmupView changed = warmup.update(acme, id, new UpdateWarmupSettings.Command(60, 5, 10, null, null));
        assertThat(changed.settings()).isEqualTo(new WarmupSettings(60, 5, 10, 30, false));
        assertThat(changed.plannedToday()).as("today keeps its plan").isEqualTo(6);
        clock.advance(Duration.ofDays(1));
        assertThat(warmup.status(acme, id).plannedToday()).as("day 4 under the new ramp: 5 + 10 × 3").isEqualTo(35);

        assertThatThrownBy(() -> warmup.update(acme, id, new UpdateWarmupSettings.Command(null, null, 21, 50, null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("rampUpPerDay"));
        assertThat(warmup.status(acme, id).settings()).isEqualTo(changed.settings());
    }

    @Test
    void aDisconnectedMailboxCannotResumeItsWarmup() {
        mailboxes.disconnect(acme, id, "requested");
        assertThatThrownBy(() -> warmup.resume(acme, id))
                .isInstanceOf(io.warmy.domain.common.ConflictException.class).hasMessageContaining("disconnected");
        assertThat(warmup.status(acme, id).status()).isEqualTo(WarmupStatus.PAUSED);
    }
}
