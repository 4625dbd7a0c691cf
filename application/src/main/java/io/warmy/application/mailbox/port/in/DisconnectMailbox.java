package io.warmy.application.mailbox.port.in;

import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.tenancy.Tenant;

/** Disconnects a mailbox: sending stops and warmup pauses; the mailbox and its history stay readable. */
public interface DisconnectMailbox {

    /** The reason recorded when a customer disconnects through the API. */
    String REQUESTED = "requested";

    Mailbox disconnect(Tenant tenant, String mailboxId, String reason);
}
