package io.warmy.application.health.port.in;

import io.warmy.domain.health.Health;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;

/** A mailbox's health now: score, band and the factors behind it (see HealthScore). */
public interface GetHealth {

    record View(MailboxId mailboxId, Health health, Instant computedAt) {
    }

    View health(Tenant tenant, String mailboxId);
}
