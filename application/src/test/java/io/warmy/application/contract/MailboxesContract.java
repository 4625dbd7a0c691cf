package io.warmy.application.contract;

import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.application.testing.Store;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.MailboxStatus;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.WarmupSettings;
import io.warmy.domain.warmup.WarmupStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@code Mailboxes} adapter promises. Extend it and hand over a store with empty tables. */
public abstract class MailboxesContract {

    protected abstract Store newStore();

    private Store store;
    private Mailboxes mailboxes;
    private Fixtures fx;
    private Tenant acmeLive;

    @BeforeEach
    void freshStore() {
        store = newStore();
        mailboxes = store.mailboxes();
        fx = new Fixtures(store);
        acmeLive = fx.tenant(Mode.LIVE);
    }

    @Test
    void aStoredMailboxComesBackWithEveryFieldAndVersionZero() {
        Mailbox m = fx.mailbox(acmeLive, "Anna@Acme.example", Provider.GOOGLE);
        mailboxes.insert(m);
        assertThat(mailboxes.find(acmeLive, m.id())).contains(m);
        assertThat(mailboxes.findByEmail(acmeLive, new EmailAddress("anna@acme.example"))).contains(m);
    }

    @Test
    void aChangedWarmupComesBackExactly() {
        Mailbox m = fx.mailbox(acmeLive, "anna@acme.example", Provider.MICROSOFT);
        mailboxes.insert(m);
        Mailbox changed = m.updateWarmupSettings(new WarmupSettings(80, 5, 3, 45, true), fx.now().plusSeconds(86_400 * 3))
                .pauseWarmup(fx.now().plusSeconds(86_400 * 4))
                .update("Anna at Acme", 300, fx.now().plusSeconds(86_400 * 4));
        assertThat(mailboxes.update(changed)).isTrue();
        Mailbox stored = mailboxes.find(acmeLive, m.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.warmup()).isEqualTo(changed.warmup());
        assertThat(stored.displayName()).isEqualTo("Anna at Acme");
        assertThat(stored.dailyLimit()).isEqualTo(300);
        assertThat(stored.updatedAt()).isEqualTo(changed.updatedAt());
    }

    @Test
    void aDisconnectedMailboxKeepsItsReason() {
        Mailbox m = fx.mailbox(acmeLive, "anna@acme.example", Provider.SMTP);
        mailboxes.insert(m);
        assertThat(mailboxes.update(m.disconnect("requested", fx.now()))).isTrue();
        Mailbox stored = mailboxes.find(acmeLive, m.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(MailboxStatus.DISCONNECTED);
        assertThat(stored.disconnectReason()).isEqualTo("requested");
        assertThat(stored.warmup().status()).isEqualTo(WarmupStatus.PAUSED);
    }

    @Test
    void anotherWorkspaceOrModeNeverSeesAMailbox() {
        Mailbox m = fx.mailbox(acmeLive, "anna@acme.example", Provider.GOOGLE);
        mailboxes.insert(m);
        Tenant acmeSandbox = new Tenant(acmeLive.workspaceId(), Mode.SANDBOX);
        Tenant globexLive = fx.tenant(Mode.LIVE);
        for (Tenant other : List.of(acmeSandbox, globexLive)) {
            assertThat(mailboxes.find(other, m.id())).isEmpty();
            assertThat(mailboxes.findByEmail(other, m.email())).isEmpty();
            assertThat(mailboxes.list(other, MailboxFilter.NONE, Optional.empty(), 10)).isEmpty();
            Mailbox foreign = new Mailbox(m.id(), other, m.email(), m.provider(), m.displayName(), 7, m.status(),
                    null, m.warmup(), m.createdAt(), m.connectedAt(), m.updatedAt(), m.version());
            assertThat(mailboxes.update(foreign)).isFalse();
        }
        assertThat(mailboxes.find(acmeLive, m.id())).contains(m);
    }

    @Test
    void oneAddressIsOneMailboxPerTenant() {
        mailboxes.insert(fx.mailbox(acmeLive, "anna@acme.example", Provider.GOOGLE));
        assertThatThrownBy(() -> mailboxes.insert(fx.mailbox(acmeLive, "ANNA@acme.example", Provider.SMTP)))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("mailbox_already_connected");
        assertThat(mailboxes.list(acmeLive, MailboxFilter.NONE, Optional.empty(), 10)).hasSize(1);

        Tenant acmeSandbox = new Tenant(acmeLive.workspaceId(), Mode.SANDBOX);
        mailboxes.insert(fx.mailbox(acmeSandbox, "anna@acme.example", Provider.GOOGLE));
        assertThat(mailboxes.list(acmeSandbox, MailboxFilter.NONE, Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void aWriteBasedOnAStaleReadChangesNothing() {
        Mailbox m = fx.mailbox(acmeLive, "anna@acme.example", Provider.GOOGLE);
        mailboxes.insert(m);
        assertThat(mailboxes.update(m.update(null, 100, fx.now()))).isTrue();
        assertThat(mailboxes.update(m.update(null, 200, fx.now()))).isFalse();
        Mailbox stored = mailboxes.find(acmeLive, m.id()).orElseThrow();
        assertThat(stored.dailyLimit()).isEqualTo(100);
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void anUnknownMailboxIsNotFoundAndCannotBeUpdated() {
        MailboxId unknown = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE");
        assertThat(mailboxes.find(acmeLive, unknown)).isEmpty();
        Mailbox ghost = fx.mailbox(acmeLive, "ghost@acme.example", Provider.GOOGLE);
        assertThat(mailboxes.update(ghost)).isFalse();
        assertThat(mailboxes.find(acmeLive, ghost.id())).isEmpty();
    }

    @Test
    void listIsNewestFirstAndPagesByTheLastIdSeen() {
        List<Mailbox> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Mailbox m = fx.mailbox(acmeLive, "user" + i + "@acme.example", Provider.GOOGLE);
            mailboxes.insert(m);
            inserted.add(m);
        }
        List<Mailbox> newestFirst = inserted.reversed();
        List<Mailbox> page1 = mailboxes.list(acmeLive, MailboxFilter.NONE, Optional.empty(), 2);
        List<Mailbox> page2 = mailboxes.list(acmeLive, MailboxFilter.NONE, Optional.of(page1.get(1).id()), 2);
        List<Mailbox> page3 = mailboxes.list(acmeLive, MailboxFilter.NONE, Optional.of(page2.get(1).id()), 2);
        assertThat(page1).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(page2).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(page3).containsExactlyElementsOf(newestFirst.subList(4, 5));
    }

    @Test
    void listFiltersByStatusProviderAndWarmupStatus() {
        Mailbox google = fx.mailbox(acmeLive, "g@acme.example", Provider.GOOGLE);
        Mailbox microsoft = fx.mailbox(acmeLive, "m@acme.example", Provider.MICROSOFT);
        Mailbox smtp = fx.mailbox(acmeLive, "s@acme.example", Provider.SMTP);
        mailboxes.insert(google);
        mailboxes.insert(microsoft);
        mailboxes.insert(smtp);
        mailboxes.update(microsoft.pauseWarmup(fx.now()));
        mailboxes.update(smtp.disconnect("requested", fx.now()));

        assertThat(ids(new MailboxFilter(MailboxStatus.CONNECTED, null, null))).containsExactly(microsoft.id(), google.id());
        assertThat(ids(new MailboxFilter(MailboxStatus.DISCONNECTED, null, null))).containsExactly(smtp.id());
        assertThat(ids(new MailboxFilter(null, Provider.MICROSOFT, null))).containsExactly(microsoft.id());
        assertThat(ids(new MailboxFilter(null, null, WarmupStatus.ACTIVE))).containsExactly(google.id());
        assertThat(ids(new MailboxFilter(MailboxStatus.CONNECTED, null, WarmupStatus.PAUSED))).containsExactly(microsoft.id());
        assertThat(ids(new MailboxFilter(MailboxStatus.CONNECTED, Provider.SMTP, null))).isEmpty();
    }

    private List<MailboxId> ids(MailboxFilter filter) {
        return mailboxes.list(acmeLive, filter, Optional.empty(), 10).stream().map(Mailbox::id).toList();
    }
}
