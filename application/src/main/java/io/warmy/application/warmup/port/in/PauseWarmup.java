package io.warmy.application.warmup.port.in;

import io.warmy.domain.tenancy.Tenant;

/** Pauses a mailbox's warmup, freezing its day count; pausing a paused warmup changes nothing. */
public interface PauseWarmup {

    WarmupView pause(Tenant tenant, String mailboxId);
}
