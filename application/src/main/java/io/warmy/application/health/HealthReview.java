package io.warmy.application.health;

import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;

/**
 * Looks at a mailbox's health again after something moved its counters outside the warmup
 * reports (a campaign bounce), so a change of band is announced when it happens. Runs in the
 * caller's transaction.
 */
@FunctionalInterface
public interface HealthReview {

    void review(Tenant tenant, MailboxId mailbox);
}
