package io.warmy.domain.mailbox;

import io.warmy.domain.warmup.WarmupStatus;

/** Which mailboxes a list shows: by status, provider and warmup status; a null field does not filter. */
public record MailboxFilter(MailboxStatus status, Provider provider, WarmupStatus warmupStatus) {

    public static final MailboxFilter NONE = new MailboxFilter(null, null, null);

    public boolean matches(Mailbox m) {
        return (status == null || m.status() == status)
                && (provider == null || m.provider() == provider)
                && (warmupStatus == null || m.warmup().status() == warmupStatus);
    }
}
