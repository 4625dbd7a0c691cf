package io.warmy.application.mailbox.port.out;

import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;

import java.util.List;
import java.util.Optional;

/** Stores mailboxes, always within one tenant (workspace and mode). */
public interface Mailboxes {

    /**
     * Stores a new mailbox with version 0. One email address is one mailbox per tenant: a second
     * insert of the same address is a {@code ConflictException} with code {@code mailbox_already_connected}.
     */
    void insert(Mailbox mailbox);

    Optional<Mailbox> find(Tenant tenant, MailboxId id);

    Optional<Mailbox> findByEmail(Tenant tenant, EmailAddress email);

    /**
     * Replaces a stored mailbox if its stored version is still {@code mailbox.version()}, and
     * bumps the stored version by one. Answers false, changing nothing, when someone else
     * wrote first (or the mailbox is gone).
     */
    boolean update(Mailbox mailbox);

    /** Mailboxes of a tenant, newest first, after {@code afterId} when given, at most {@code limit}. */
    List<Mailbox> list(Tenant tenant, MailboxFilter filter, Optional<MailboxId> afterId, int limit);
}
