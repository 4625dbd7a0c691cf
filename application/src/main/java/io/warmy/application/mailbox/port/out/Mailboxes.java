package io.warmy.application.mailbox.port.out;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.MailboxStatus;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.WarmupStatus;

import java.util.List;
import java.util.Optional;

/** Stores mailboxes, always within one tenant (workspace and mode). */
public interface Mailboxes {

    /** Filters of a list; a null field does not filter. */
    record Filter(MailboxStatus status, Provider provider, WarmupStatus warmupStatus) {
        public static final Filter NONE = new Filter(null, null, null);
    }

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
    List<Mailbox> list(Tenant tenant, Filter filter, Optional<MailboxId> afterId, int limit);
}
