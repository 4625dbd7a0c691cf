package io.warmy.application.mailbox;

import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.application.MovableClock;
import io.warmy.application.common.PageRequest;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.mailbox.port.in.DisconnectMailbox;
import io.warmy.application.mailbox.port.in.UpdateMailbox;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.application.mailbox.service.MailboxService;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxStatus;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.warmup.WarmupStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final MailboxService service = ServiceGraph.on(store, clock).mailboxes();
    private final Tenant acme = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.LIVE);

    private Mailbox connect(String email) {
        return service.connect(new ConnectMailbox.Command(acme, new EmailAddress(email), Provider.GOOGLE, null, null));
    }

    @Test
    void aNewMailboxIsConnectedWithDefaultsAndItsWarmupStarted() {
        Mailbox m = connect("Anna@Acme.example");
        assertThat(m.status()).isEqualTo(MailboxStatus.CONNECTED);
        assertThat(m.dailyLimit()).isEqualTo(Mailbox.DEFAULT_DAILY_LIMIT);
        assertThat(m.displayName()).isEqualTo("anna@acme.example");
        assertThat(m.warmup().status()).isEqualTo(WarmupStatus.ACTIVE);
        assertThat(service.get(acme, m.id().value())).isEqualTo(m);
    }

    @Test
    void connectingAConnectedAddressIsAConflictButADisconnectedOneComesBackUnderItsId() {
        Mailbox m = connect("anna@acme.example");
        assertThatThrownBy(() -> connect("ANNA@acme.example")).isInstanceOf(ConflictException.class);

        clock.advance(Duration.ofDays(3));
        Mailbox gone = service.disconnect(acme, m.id().value(), DisconnectMailbox.REQUESTED);
        assertThat(gone.status()).isEqualTo(MailboxStatus.DISCONNECTED);
        assertThat(gone.warmup().status()).isEqualTo(WarmupStatus.PAUSED);
        assertThat(service.disconnect(acme, m.id().value(), DisconnectMailbox.REQUESTED))
                .as("a retried disconnect changes nothing").isEqualTo(gone);

        Mailbox back = connect("anna@acme.example");
        assertThat(back.id()).isEqualTo(m.id());
        assertThat(back.status()).isEqualTo(MailboxStatus.CONNECTED);
        assertThat(back.warmup().day(Mailbox.day(clock.now()))).isEqualTo(4);
    }

    @Test
    void aRefusedUpdateChangesNothing() {
        Mailbox m = connect("anna@acme.example");
        assertThatThrownBy(() -> service.update(acme, m.id().value(), new UpdateMailbox.Command(null, 2001)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("dailyLimit"));
        assertThatThrownBy(() -> service.update(acme, m.id().value(), new UpdateMailbox.Command("  ", null)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
        assertThat(service.get(acme, m.id().value())).isEqualTo(m);
    }

    @Test
    void anUpdateWithTheSameValuesWritesNothing() {
        Mailbox m = connect("anna@acme.example");
        Mailbox same = service.update(acme, m.id().value(), new UpdateMailbox.Command(m.displayName(), m.dailyLimit()));
        assertThat(same.version()).isEqualTo(m.version());
        assertThat(service.update(acme, m.id().value(), new UpdateMailbox.Command(null, 99)).version())
                .isEqualTo(m.version() + 1);
    }

    @Test
    void anotherTenantsIdIsNotFoundAndAMalformedIdIsMalformed() {
        Mailbox m = connect("anna@acme.example");
        Tenant sandbox = new Tenant(acme.workspaceId(), Mode.SANDBOX);
        assertThatThrownBy(() -> service.get(sandbox, m.id().value())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(acme, "mbx_nope")).isInstanceOf(MalformedException.class);
        assertThatThrownBy(() -> service.list(acme, MailboxFilter.NONE, PageRequest.parse("10", "bm9wZQ")))
                .isInstanceOfSatisfying(MalformedException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void listsPageWithCursorsUntilNoMoreAreLeft() {
        for (int i = 0; i < 5; i++) {
            connect("user" + i + "@acme.example");
            clock.advance(Duration.ofMillis(5));
        }
        var page1 = service.list(acme, MailboxFilter.NONE, PageRequest.parse("2", null));
        var page2 = service.list(acme, MailboxFilter.NONE, PageRequest.parse("2", page1.nextCursor()));
        var page3 = service.list(acme, MailboxFilter.NONE, PageRequest.parse("2", page2.nextCursor()));
        assertThat(page1.hasMore()).isTrue();
        assertThat(page2.hasMore()).isTrue();
        assertThat(page3.hasMore()).isFalse();
        assertThat(page3.nextCursor()).isNull();
        assertThat(page1.items().get(0).email().value()).isEqualTo("user4@acme.example");
        assertThat(page3.items()).extracting(x -> x.email().value()).containsExactly("user0@acme.example");
    }
}
