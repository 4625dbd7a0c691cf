package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.health.port.out.HealthRecords;
import io.warmy.domain.health.AuthResult;
import io.warmy.domain.health.Authentication;
import io.warmy.domain.health.HealthStatus;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each mailbox's health record in table {@code mailbox_health}, one row per mailbox. A reviewer
 * locks the row for its whole review; for a mailbox never reviewed it first makes a row without a
 * record (computed_at_ms NULL) so that there is something to lock, since a locking read of a
 * missing row locks nothing at READ COMMITTED and two first reviews would both go ahead.
 */
final class DbHealthRecords implements HealthRecords {

    private static final String KEY = " WHERE workspace_id = ? AND mode = ? AND mailbox_id = ?";
    private static final String SELECT =
            "SELECT status, score, computed_at_ms, spf, dkim, dmarc, milestones, band_changes FROM mailbox_health" + KEY;
    private static final String COLUMNS = "workspace_id, mode, mailbox_id, status, score, computed_at_ms, spf, dkim,"
            + " dmarc, milestones, band_changes";
    /**
     * An upsert, not INSERT IGNORE: it takes the row's write lock whether it inserts the row or finds
     * it, where a losing plain insert would take a shared lock that deadlocks with the next loser's.
     */
    private static final String ENSURE_ROW = "INSERT INTO mailbox_health (" + COLUMNS + ") VALUES (?, ?, ?, '"
            + HealthStatus.INSUFFICIENT_DATA.wireName() + "', NULL, NULL, 'none', 'none', 'none', '', 0)"
            + " ON DUPLICATE KEY UPDATE status = status";
    private static final String SAVE = "INSERT INTO mailbox_health (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE status = VALUES(status), score = VALUES(score),"
            + " computed_at_ms = VALUES(computed_at_ms), spf = VALUES(spf), dkim = VALUES(dkim),"
            + " dmarc = VALUES(dmarc), milestones = VALUES(milestones), band_changes = VALUES(band_changes)";
    private static final String SEPARATOR = ",";

    private final DbTransactions db;

    DbHealthRecords(DbTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<HealthRecord> find(Tenant tenant, MailboxId mailbox) {
        return db.execute().get(SELECT, key(tenant, mailbox)).flatMap(DbHealthRecords::read);
    }

    @Override
    public Optional<HealthRecord> findForUpdate(Tenant tenant, MailboxId mailbox) {
        Object[] key = key(tenant, mailbox);
        return db.inTransaction(() -> {
            Optional<DbRow> row = db.execute().get(SELECT + " FOR UPDATE", key);
            if (row.isEmpty()) {
                db.execute().insert(ENSURE_ROW, key);
                // A racing reviewer may have saved its record while this one waited for the lock.
                row = db.execute().get(SELECT + " FOR UPDATE", key);
            }
            return row.flatMap(DbHealthRecords::read);
        });
    }

    @Override
    public void save(Tenant tenant, MailboxId mailbox, HealthRecord record) {
        for (String milestone : record.milestones()) {
            if (milestone.isEmpty() || milestone.contains(SEPARATOR)) {
                throw new IllegalArgumentException("A milestone name must be non-empty and without '" + SEPARATOR
                        + "' (was '" + milestone + "')");
            }
        }
        Authentication auth = record.authentication();
        db.execute().insert(SAVE, tenant.workspaceId().value(), tenant.mode().wireName(), mailbox.value(),
                record.status().wireName(), record.score(), record.computedAt().toEpochMilli(),
                auth.spf().wireName(), auth.dkim().wireName(), auth.dmarc().wireName(),
                // Sorted, so that a record saved twice reads the same in the table.
                record.milestones().stream().sorted().collect(Collectors.joining(SEPARATOR)), record.bandChanges());
    }

    /** The row's record; empty for a row a first review made only to lock on. */
    private static Optional<HealthRecord> read(DbRow row) {
        Columns c = new Columns(row);
        HealthStatus status = status(c.string());
        Integer score = c.nullableInteger();
        Instant computedAt = c.nullableInstant();
        if (computedAt == null) {
            return Optional.empty();
        }
        Authentication auth = new Authentication(AuthResult.parse(c.string(), "spf"),
                AuthResult.parse(c.string(), "dkim"), AuthResult.parse(c.string(), "dmarc"));
        String milestones = c.string();
        Set<String> reached = milestones.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(milestones.split(SEPARATOR)));
        return Optional.of(new HealthRecord(status, score, computedAt, auth, reached, c.longValue()));
    }

    private static HealthStatus status(String wireName) {
        for (HealthStatus s : HealthStatus.values()) {
            if (s.wireName().equals(wireName)) {
                return s;
            }
        }
        throw new IllegalStateException("Unknown health status in mailbox_health: " + wireName);
    }

    private static Object[] key(Tenant tenant, MailboxId mailbox) {
        return new Object[] {tenant.workspaceId().value(), tenant.mode().wireName(), mailbox.value()};
    }
}
