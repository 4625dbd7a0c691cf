package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.QuotaGrant;
import io.warmy.domain.tenancy.QuotaWindow;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rate-limit ledger in table {@code rate_limit_grants}. A lease locks the key's row in
 * {@code api_keys} first, so the leases of one key queue there whichever node makes them, then
 * reads the key's grants of the last hour, decides by {@link QuotaWindow} and writes its grant:
 * four short statements once per block of requests, none per request.
 */
final class DbQuotaLedger implements QuotaLedger {

    private static final String KEY = " WHERE workspace_id = ? AND api_key_id = ?";

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
                boolean sameMillisecond = grants.stream().anyMatch(g -> g.at().toEpochMilli() == at);
                if (sameMillisecond) {
                    db.execute().update("UPDATE rate_limit_grants SET granted = granted + ?" + KEY
                            + " AND granted_at_ms = ?", lease.granted(), ws, key, at);
                } else {
                    db.execute().insert("INSERT INTO rate_limit_grants (workspace_id, api_key_id, granted_at_ms,"
                            + " granted) VALUES (?, ?, ?, ?)", ws, key, at, lease.granted());
                }
            }
            return lease;
        });
    }
}
