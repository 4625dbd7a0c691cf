package io.warmy.application.mailbox.service;

import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Ids;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.service.EventRecorder;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.mailbox.port.in.DisconnectMailbox;
import io.warmy.application.mailbox.port.in.GetMailbox;
import io.warmy.application.mailbox.port.in.ListMailboxes;
import io.warmy.application.mailbox.port.in.UpdateMailbox;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.event.Events;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** Connecting, reading, changing and disconnecting mailboxes. */
public final class MailboxService implements ConnectMailbox, GetMailbox, ListMailboxes, UpdateMailbox, DisconnectMailbox {

    private final Mailboxes mailboxes;
    private final MailboxUpdates updates;
    private final Transactions transactions;
    private final EventRecorder events;
    private final Ids ids;
    private final Clock clock;

    public MailboxService(Mailboxes mailboxes, EventRecorder events, Transactions transactions, Ids ids, Clock clock) {
        this.mailboxes = mailboxes;
        this.events = events;
        this.updates = new MailboxUpdates(mailboxes, transactions);
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mailbox connect(ConnectMailbox.Command c) {
        return transactions.inTransaction(() -> {
            Optional<Mailbox> existing = mailboxes.findByEmail(c.tenant(), c.email());
            Mailbox connected;
            if (existing.isPresent()) {
                connected = updates.store(existing.get().reconnect(c.provider(), c.displayName(), c.dailyLimit(),
                        clock.now()));
            } else {
                connected = Mailbox.connect(MailboxId.fromUlid(ids.next()), c.tenant(), c.email(), c.provider(),
                        c.displayName(), c.dailyLimit(), clock.now());
                mailboxes.insert(connected);
            }
            events.record(c.tenant(), Events.mailboxConnected(connected));
            return connected;
        });
    }

    @Override
    public Mailbox get(Tenant tenant, String mailboxId) {
        return updates.load(tenant, mailboxId);
    }

    @Override
    public Page<Mailbox> list(Tenant tenant, MailboxFilter filter, PageRequest page) {
        Optional<MailboxId> after = page.afterId().map(MailboxService::cursorId);
        return Page.of(mailboxes.list(tenant, filter, after, page.limit() + 1), page.limit(), m -> m.id().value());
    }

    @Override
    public Mailbox update(Tenant tenant, String mailboxId, UpdateMailbox.Command c) {
        return modify(tenant, mailboxId, m -> m.update(c.displayName(), c.dailyLimit(), clock.now()));
    }

    @Override
    public Mailbox disconnect(Tenant tenant, String mailboxId, String reason) {
        return updates.modify(tenant, mailboxId, m -> m.disconnect(reason, clock.now()),
                (before, after) -> events.record(tenant, Events.mailboxDisconnected(after, after.updatedAt())));
    }

    private Mailbox modify(Tenant tenant, String mailboxId, UnaryOperator<Mailbox> change) {
        return updates.modify(tenant, mailboxId, change);
    }

    private static MailboxId cursorId(String raw) {
        try {
            return new MailboxId(raw);
        } catch (MalformedException e) {
            throw new MalformedException("cursor", "cursor is not one this API returned; pass nextCursor unchanged.");
        }
    }
}
