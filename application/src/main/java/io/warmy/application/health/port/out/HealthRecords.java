package io.warmy.application.health.port.out;

import io.warmy.domain.health.Authentication;
import io.warmy.domain.health.HealthStatus;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a mailbox's health last was (to tell a change of band from a move within one), its
 * latest SPF/DKIM/DMARC verdicts, and the milestones it has reached.
 */
public interface HealthRecords {

    /** @param bandChanges how many times the band has changed: it numbers the change events */
    record HealthRecord(HealthStatus status, Integer score, Instant computedAt, Authentication authentication,
                        Set<String> milestones, long bandChanges) {
        public HealthRecord {
            milestones = Set.copyOf(milestones);
        }

        public static final HealthRecord NONE = new HealthRecord(HealthStatus.INSUFFICIENT_DATA, null, Instant.EPOCH,
                Authentication.UNKNOWN, Set.of(), 0);
    }

    Optional<HealthRecord> find(Tenant tenant, MailboxId mailbox);

    /** Stores the record; in the caller's transaction, after reading it with {@link #findForUpdate}. */
    void save(Tenant tenant, MailboxId mailbox, HealthRecord record);

    /** Reads the record locking it against other writers until the transaction ends (one writer at a time per mailbox). */
    Optional<HealthRecord> findForUpdate(Tenant tenant, MailboxId mailbox);
}
