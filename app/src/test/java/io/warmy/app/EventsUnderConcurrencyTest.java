package io.warmy.app;

import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.PersistenceAdapter;
import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.application.common.PageRequest;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.event.port.in.Recorded;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.sending.port.in.ReserveSend;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two "nodes" (two adapters with their own connection pools and services) on one database,
 * MariaDB or H2, many threads each, racing on the same signals and the same send counters.
 */
class EventsUnderConcurrencyTest {

    private static final int THREADS = 16;

    private static List<Signal> signals(MailboxId mailbox, Instant at) {
        EmailAddress anna = new EmailAddress("anna@prospect.example");
        List<Signal> s = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            String prospect = "p" + p;
            s.add(new Signal.Reply(prospect, anna, "c1", mailbox, "Re: hi", "<m" + p + ">", at));
            s.add(new Signal.Open(prospect, anna, "c1", mailbox, 0, at));
            s.add(new Signal.Click(prospect, anna, "c1", mailbox, 0, "https://acme.example/a", at));
            s.add(new Signal.Click(prospect, anna, "c1", mailbox, 0, "https://acme.example/b", at));
            s.add(new Signal.Bounce(prospect, anna, "c1", mailbox, Signal.BounceType.SOFT, "452", at));
        }
        return s; // 20 distinct dedup keys
    }

    enum Database {
        MARIADB, H2;

        DatabaseSettings fresh() {
            return this == MARIADB ? TestDatabases.newMariaDb() : TestDatabases.newH2();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void racingNodesMakeExactlyOneEventPerDedupKeyAndNeverPassASendLimit(Database database) throws Exception {
        DatabaseSettings db = database.fresh();
        try (PersistenceAdapter nodeA = PersistenceAdapter.open(db.withMaxPoolSize(8));
             PersistenceAdapter nodeB = PersistenceAdapter.open(db.withMaxPoolSize(8))) {
            Warmy.Services a = Warmy.Services.on(nodeA, Clock.system());
            Warmy.Services b = Warmy.Services.on(nodeB, Clock.system());
            Tenant tenant = new Tenant(a.tenancy().createWorkspace("acme").id(), Mode.LIVE);
            MailboxId mailbox = a.mailboxes().connect(new ConnectMailbox.Command(tenant,
                    new EmailAddress("sales@acme.example"), Provider.GOOGLE, null, 2000)).id();
            a.sending().update(tenant, new SendingLimits(150));
            List<Signal> signals = signals(mailbox, Instant.now().minusSeconds(5));

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            Set<String> eventIds = ConcurrentHashMap.newKeySet();
            AtomicInteger fresh = new AtomicInteger();
            AtomicInteger allowed = new AtomicInteger();
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Warmy.Services node = t % 2 == 0 ? a : b;
                int thread = t;
                work.add(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (Signal s : signals) {
                            Recorded r = node.signals().record(tenant, s);
                            eventIds.add(r.eventId().value());
                            if (!r.duplicate()) {
                                fresh.incrementAndGet();
                            }
                        }
                    }
                    for (int i = 0; i < 20; i++) {
                        if (node.sending().reserve(new ReserveSend.Command(tenant, mailbox.value(), "c1", null,
                                new EmailAddress("x" + thread + "-" + i + "@prospect.example"))).allowed()) {
                            allowed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
            pool.shutdown();

            assertThat(fresh.get()).as("exactly one report per dedup key made an event").isEqualTo(signals.size());
            assertThat(eventIds).as("every report was answered with one of those events").hasSize(signals.size());
            assertThat(allowed.get()).as("the domain limit held under the race").isEqualTo(150);

            List<Event> limitHits = a.signals().list(tenant, new EventQuery(EventType.LIMIT_HIT, null, null),
                    PageRequest.first(10)).items();
            assertThat(limitHits).singleElement().satisfies(e -> assertThat(e.data()).containsEntry("limitType", "daily_domain"));
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aSignalRepeatedAfterARestartIsStillADuplicate(Database database) {
        DatabaseSettings db = database.fresh();
        Tenant tenant;
        Signal click;
        Recorded first;
        try (PersistenceAdapter node = PersistenceAdapter.open(db)) {
            Warmy.Services s = Warmy.Services.on(node, Clock.system());
            tenant = new Tenant(s.tenancy().createWorkspace("acme").id(), Mode.SANDBOX);
            MailboxId mailbox = s.mailboxes().connect(new ConnectMailbox.Command(tenant,
                    new EmailAddress("sales@acme.example"), Provider.SMTP, null, null)).id();
            click = new Signal.Click("p1", new EmailAddress("anna@prospect.example"), "c1", mailbox, 1,
                    "https://acme.example/pricing", Instant.now());
            first = s.signals().record(tenant, click);
        }
        try (PersistenceAdapter restarted = PersistenceAdapter.open(db)) {
            Recorded again = Warmy.Services.on(restarted, Clock.system()).signals().record(tenant, click);
            assertThat(again.duplicate()).isTrue();
            assertThat(again.eventId()).isEqualTo(first.eventId());
        }
    }
}
