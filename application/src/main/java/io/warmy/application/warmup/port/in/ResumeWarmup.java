package io.warmy.application.warmup.port.in;

import io.warmy.domain.tenancy.Tenant;

/** Resumes (or first starts) a mailbox's warmup; the mailbox must be connected. */
public interface ResumeWarmup {

    WarmupView resume(Tenant tenant, String mailboxId);
}
