package io.warmy.application.mailbox.service;

import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;

import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Read-change-write of one mailbox with optimistic locking: a write based on a stale read is
 * refused by the store and the change is applied again to a fresh read, so two nodes changing
 * one mailbox at once never lose either change.
 */
public final class MailboxUpdates {

    static final int ATTEMPTS = 8;

    private final Mailboxes mailboxes;
    private final Transactions transactions;

    public MailboxUpdates(Mailboxes mailboxes, Transactions transactions) {
        this.mailboxes = mailboxes;
        this.transactions = transactions;
    }

    public Mailbox load(Tenant tenant, String mailboxId) {
        MailboxId id = new MailboxId(mailboxId);
        return mailboxes.find(tenant, id).orElseThrow(() -> new NotFoundException("mailbox", mailboxId));
    }

    public Mailbox modify(Tenant tenant, String mailboxId, UnaryOperator<Mailbox> change) {
        return modify(tenant, mailboxId, change, (before, after) -> { });
    }

    /**
     * Like {@link #modify(Tenant, String, UnaryOperator)}, and runs {@code andThen} with the mailbox
     * before and after the change, in the same transaction as the write (when there was one), so
     * what it records (an event) is stored with the change or not at all.
     */
    public Mailbox modify(Tenant tenant, String mailboxId, UnaryOperator<Mailbox> change,
                          BiConsumer<Mailbox, Mailbox> andThen) {
        MailboxId id = new MailboxId(mailboxId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Mailbox result = transactions.inTransaction(() -> {
                Mailbox current = mailboxes.find(tenant, id).orElseThrow(() -> new NotFoundException("mailbox", mailboxId));
                Mailbox changed = change.apply(current);
                if (changed == current) { // nothing to change: no write, no version bump
                    return current;
                }
                if (!mailboxes.update(changed)) {
                    return null;
                }
                andThen.accept(current, changed);
                return bumped(changed);
            });
            if (result != null) {
                return result;
            }
        }
        throw new ConflictException("concurrent_update",
                "Mailbox " + mailboxId + " is being changed by other requests; try again.");
    }

    /** Stores a changed mailbox read in the current transaction; a stale read is a conflict. */
    public Mailbox store(Mailbox changed) {
        if (!mailboxes.update(changed)) {
            throw new ConflictException("concurrent_update",
                    "Mailbox " + changed.id() + " was changed by another request; try again.");
        }
        return bumped(changed);
    }

    private static Mailbox bumped(Mailbox m) {
        return m.withVersion(m.version() + 1);
    }
}
