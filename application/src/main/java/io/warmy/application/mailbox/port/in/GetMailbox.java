package io.warmy.application.mailbox.port.in;

import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.tenancy.Tenant;

/** One mailbox of the tenant; another tenant's id is not found. */
public interface GetMailbox {

    Mailbox get(Tenant tenant, String mailboxId);
}
