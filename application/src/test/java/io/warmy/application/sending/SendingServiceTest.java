package io.warmy.application.sending;

import io.warmy.application.MovableClock;
import io.warmy.application.common.PageRequest;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.sending.port.in.ReserveSend;
import io.warmy.application.suppression.port.in.SuppressAddress;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.sending.DenyReason;
import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SendingServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-20T09:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final ServiceGraph services = ServiceGraph.on(store, clock);
    private Tenant tenant;
    private String first;
    private String second;

    @BeforeEach
    void twoMailboxesOnOneDomain() {
        tenant = new Tenant(services.tenancy().createWorkspace("acme").id(), Mode.LIVE);
        first = connect("a@acme.example", 3);
        second = connect("b@acme.example", 10);
    }

    private String connect(String email, int dailyLimit) {
        return services.mailboxes().connect(new ConnectMailbox.Command(tenant, new EmailAddress(email), Provider.GOOGLE,
                null, dailyLimit)).id().value();
    }

    private ReserveSend.Decision reserve(String mailbox, String prospect) {
        return services.sending().reserve(new ReserveSend.Command(tenant, mailbox, "c1", null,
                new EmailAddress(prospect + "@prospect.example")));
    }

    private List<Event> limitEvents() {
        return services.signals().list(tenant, new EventQuery(EventType.LIMIT_HIT, null, null), PageRequest.first(50)).items();
    }

    @Test
    void aMailboxSendsUpToItsDailyLimitAndTheLimitHitFiresOnce() {
        assertThat(reserve(first, "p1").allowed()).isTrue();
        assertThat(reserve(first, "p2").allowed()).isTrue();
        ReserveSend.Decision third = reserve(first, "p3");
        assertThat(third.allowed()).isTrue();
        assertThat(third.mailboxSentToday()).isEqualTo(3);
        ReserveSend.Decision fourth = reserve(first, "p4");
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.reason()).contains(DenyReason.DAILY_MAILBOX);
        reserve(first, "p5");
        assertThat(limitEvents()).singleElement().satisfies(e -> {
            assertThat(e.data()).containsEntry("limitType", "daily_mailbox").containsEntry("currentValue", 3)
                    .containsEntry("limitValue", 3).containsEntry("mailboxId", first);
        });

        clock.advance(Duration.ofDays(1));
        assertThat(reserve(first, "p6").allowed()).as("a new day, a new count").isTrue();
    }

    @Test
    void theDomainLimitCountsAllMailboxesOfTheDomainAndRollsBackTheMailboxCount() {
        services.sending().update(tenant, new SendingLimits(4));
        reserve(first, "p1");
        reserve(first, "p2");
        reserve(second, "p3");
        assertThat(reserve(second, "p4").domainSentToday()).isEqualTo(4);
        ReserveSend.Decision denied = reserve(second, "p5");
        assertThat(denied.reason()).contains(DenyReason.DAILY_DOMAIN);
        assertThat(denied.mailboxSentToday()).as("the refused send is not counted for the mailbox").isEqualTo(2);
        assertThat(limitEvents()).extracting(e -> e.data().get("limitType")).containsExactly("daily_domain");
    }

    @Test
    void suppressedPausedAndDisconnectedAreRefusedBeforeAnyCount() {
        services.suppressions().suppress(new SuppressAddress.Command(tenant, new EmailAddress("p1@prospect.example"),
                null, null));
        assertThat(reserve(first, "p1").reason()).contains(DenyReason.SUPPRESSED);
        services.warmup().pause(tenant, first);
        assertThat(reserve(first, "p2").reason()).contains(DenyReason.MAILBOX_PAUSED);
        services.mailboxes().disconnect(tenant, second, "requested");
        assertThat(reserve(second, "p2").reason()).contains(DenyReason.DISCONNECTED);
        assertThat(reserve(second, "p2").mailboxSentToday()).isZero();
    }
}
