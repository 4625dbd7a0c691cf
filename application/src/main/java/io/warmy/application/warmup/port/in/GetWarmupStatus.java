package io.warmy.application.warmup.port.in;

import io.warmy.domain.tenancy.Tenant;

/** The warmup status of one mailbox. */
public interface GetWarmupStatus {

    WarmupView status(Tenant tenant, String mailboxId);
}
