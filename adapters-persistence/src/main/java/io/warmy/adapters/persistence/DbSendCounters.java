package io.warmy.adapters.persistence;

import io.warmy.application.sending.port.out.SendCounters;
import io.warmy.domain.sending.LimitType;
import io.warmy.domain.tenancy.Tenant;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Daily send counters in table {@code send_counters}, one row per counter. An increment is a
 * conditional UPDATE ({@code sends < limit}), which the database applies to the row it has locked,
 * so racing senders queue on the row and none passes the limit or loses a count. The row holds its
 * lock until the caller's transaction ends, which is what lets a caller undo an increment when a
 * second counter refuses.
 */
final class DbSendCounters implements SendCounters {

    private static final String KEY = " WHERE workspace_id = ? AND mode = ? AND limit_type = ? AND identifier = ?"
            + " AND counted_on = ?";
    private static final String INCREMENT = "UPDATE send_counters SET sends = sends + 1" + KEY + " AND sends < ?";

    private final DbTransactions db;

    DbSendCounters(DbTransactions db) {
        this.db = db;
    }

    @Override
    public OptionalLong tryIncrement(Tenant tenant, LimitType limitType, String identifier, LocalDate day, long limit) {
        if (limit < 1) {
            return OptionalLong.empty();
        }
        List<Object> key = key(tenant, limitType, identifier, day);
        Object[] increment = Stream.concat(key.stream(), Stream.of(limit)).toArray();
        // Own transaction when there is no caller's: the value read back must be this increment's.
        return db.inTransaction(() -> {
            if (db.execute().update(INCREMENT, increment) == 0) {
                // No row yet, or at the limit. Make sure the row exists, holding it locked like the
                // UPDATE would: an upsert takes the row's write lock whether it inserts or finds it.
                // A plain INSERT that hit a racing one would hold a shared lock instead, and two such
                // losers upgrading to write locks deadlock each other.
                db.execute().insert("INSERT INTO send_counters (workspace_id, mode, limit_type, identifier, counted_on,"
                        + " sends) VALUES (?, ?, ?, ?, ?, 0) ON DUPLICATE KEY UPDATE sends = sends", key.toArray());
                if (db.execute().update(INCREMENT, increment) == 0) {
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.of(read(key));
        });
    }

    @Override
    public long current(Tenant tenant, LimitType limitType, String identifier, LocalDate day) {
        return read(key(tenant, limitType, identifier, day));
    }

    private long read(List<Object> key) {
        return db.execute().get("SELECT sends FROM send_counters" + KEY, key.toArray())
                .map(row -> new Columns(row).longValue())
                .orElse(0L);
    }

    private static List<Object> key(Tenant tenant, LimitType limitType, String identifier, LocalDate day) {
        return List.of(tenant.workspaceId().value(), tenant.mode().wireName(), limitType.wireName(), identifier, day);
    }
}
