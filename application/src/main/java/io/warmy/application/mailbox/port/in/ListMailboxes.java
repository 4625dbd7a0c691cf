package io.warmy.application.mailbox.port.in;

import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.tenancy.Tenant;

/** The tenant's mailboxes, newest first, filtered by status, provider and warmup status. */
public interface ListMailboxes {

    Page<Mailbox> list(Tenant tenant, MailboxFilter filter, PageRequest page);
}
