package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.QuotaGrant;
import io.warmy.domain.tenancy.QuotaWindow;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.WorkspaceId;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rate-limit ledger in table {@code rate_limit_grants}. A lease locks the key's row in
 * {@code api_keys} first, so the leases of one key queue there whichever node makes them, then
 * reads the key's grants of the last hour, decides by {@link QuotaWindow} and writes its grant:
 * four short statements once per block of requests, none per request.
 * <p>Grants of one key within {@link #MERGE} (1 % of the hour) are kept as one row, dated by the
 * latest of them: a busy key has at most about a hundred rows in its hour, not one per block
 * (10,000 for a key allowed a million requests an hour), and each lease reads that many. Dating
 * a grant a little later only keeps it in the window longer, so the limit still holds; a refused
 * client may wait up to that much longer than it strictly had to.
 */
final class DbQuotaLedger implements QuotaLedger {

    private static final String KEY = " WHERE workspace_id = ? AND api_key_id = ?";
    /** Grants closer together than this share a row. */
    static final Duration MERGE = RateLimit.WINDOW.dividedBy(100);

    private final DbTransactions db;

    DbQuotaLedger(DbTransactions db) {
        this.db = db;
    }

    @Override
    public QuotaWindow.Lease lease(WorkspaceId workspaceId, ApiKeyId keyId, RateLimit limit, int wanted, Instant now) {
        String ws = workspaceId.value();
        String key = keyId.value();
        return db.inTransaction(() -> {
            Optional<DbRow> locked = db.execute().get("SELECT id FROM api_keys WHERE workspace_id = ? AND id = ?"
                    + " FOR UPDATE", ws, key);
            if (locked.isEmpty()) {
                throw new IllegalStateException("No API key " + key + " in workspace " + ws + " to lease quota for");
            }
            db.execute().delete("DELETE FROM rate_limit_grants" + KEY + " AND granted_at_ms <= ?", ws, key,
                    now.minus(RateLimit.WINDOW).toEpochMilli());
            List<QuotaGrant> grants;
            try (Stream<DbRow> rows = db.execute().query("SELECT granted_at_ms, granted FROM rate_limit_grants" + KEY,
                    ws, key)) {
                grants = rows.map(row -> {
                    Columns c = new Columns(row);
                    return new QuotaGrant(c.instant(), c.integer());
                }).toList();
            }
            QuotaWindow.Lease lease = QuotaWindow.lease(limit, grants, wanted, now);
            if (lease.granted() > 0) {
                long at = now.toEpochMilli();
                Optional<QuotaGrant> latest = grants.stream().max(Comparator.comparing(QuotaGrant::at));
                if (latest.isPresent() && !latest.get().at().isBefore(now.minus(MERGE))) {
                    // Joins the latest row, which moves to now (never back: a clock may step).
                    long rowAt = latest.get().at().toEpochMilli();
                    db.execute().update("UPDATE rate_limit_grants SET granted = granted + ?, granted_at_ms = ?" + KEY
                            + " AND granted_at_ms = ?", lease.granted(), Math.max(at, rowAt), ws, key, rowAt);
                } else {
                    db.execute().insert("INSERT INTO rate_limit_grants (workspace_id, api_key_id, granted_at_ms,"
                            + " granted) VALUES (?, ?, ?, ?)", ws, key, at, lease.granted());
                }
            }
            return lease;
        });
    }
}
