package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.domain.warmup.Placement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Warmup messages in table {@code warmup_messages}, one row per message, and a mailbox's daily
 * warmup counters in {@code warmup_daily}, one row per day. Every change of a message first makes
 * sure its row exists with an upsert that leaves it as it is: the upsert takes the row's write lock
 * whether it inserts or finds the row, so racing reports of one message queue on the row and then
 * each sees the one before it. A plain INSERT that lost the race would hold a shared lock instead,
 * and two such losers upgrading to write locks deadlock each other.
 */
final class DbWarmupActivity implements WarmupActivity {

    private static final String MESSAGE = " WHERE workspace_id = ? AND mode = ? AND mailbox_id = ? AND message_id = ?";
    private static final String ENSURE_MESSAGE = "INSERT INTO warmup_messages (workspace_id, mode, mailbox_id,"
            + " message_id, sent, placement, placed_on, replied) VALUES (?, ?, ?, ?, FALSE, NULL, NULL, FALSE)"
            + " ON DUPLICATE KEY UPDATE sent = sent";
    private static final String COUNTERS =
            "sent, inbox, spam, promotions, missing_count, saved_from_spam, replies, bounces, complaints";
    private static final String ADD = "INSERT INTO warmup_daily (workspace_id, mode, mailbox_id, counted_on, "
            + COUNTERS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
            + Stream.of(COUNTERS.split(",\\s*")).map(c -> c + " = " + c + " + VALUES(" + c + ")")
                    .collect(Collectors.joining(", "));

    private final DbTransactions db;

    DbWarmupActivity(DbTransactions db) {
        this.db = db;
    }

    @Override
    public boolean markSent(Tenant tenant, MailboxId mailbox, String messageId) {
        return setFlag("sent", tenant, mailbox, messageId);
    }

    @Override
    public boolean markReplied(Tenant tenant, MailboxId mailbox, String messageId) {
        return setFlag("replied", tenant, mailbox, messageId);
    }

    @Override
    public boolean markComplained(Tenant tenant, MailboxId mailbox, String messageId) {
        return setFlag("complained", tenant, mailbox, messageId);
    }

    @Override
    public Optional<PlacedMessage> place(Tenant tenant, MailboxId mailbox, String messageId, Placement placement,
                                         LocalDate day) {
        Object[] key = key(tenant, mailbox, messageId);
        // Own transaction when there is no caller's: the lock must last from the read to the write.
        return db.inTransaction(() -> {
            Optional<PlacedMessage> before = readPlacementLocked(key).orElseGet(() -> {
                db.execute().insert(ENSURE_MESSAGE, key);
                return readPlacementLocked(key).orElseThrow();
            });
            LocalDate countedOn = before.map(PlacedMessage::day).orElse(day);
            db.execute().update("UPDATE warmup_messages SET placement = ?, placed_on = ?" + MESSAGE,
                    Stream.concat(Stream.of(placement.wireName(), countedOn), Stream.of(key)).toArray());
            return before;
        });
    }

    @Override
    public void add(Tenant tenant, MailboxId mailbox, DailyStats delta) {
        // One statement, so the database adds to the row it has locked and no increment is lost; in a
        // transaction of its own when there is no caller's, so that a lock conflict the database broke
        // is tried again.
        db.inTransaction(() -> db.execute().insert(ADD, tenant.workspaceId().value(), tenant.mode().wireName(),
                mailbox.value(), delta.date(), delta.sent(), delta.inbox(), delta.spam(), delta.promotions(),
                delta.missing(), delta.savedFromSpam(), delta.replies(), delta.bounces(), delta.complaints()));
    }

    @Override
    public List<DailyStats> days(Tenant tenant, MailboxId mailbox, LocalDate from, LocalDate to) {
        try (Stream<DbRow> rows = db.execute().query("SELECT counted_on, " + COUNTERS + " FROM warmup_daily"
                        + " WHERE workspace_id = ? AND mode = ? AND mailbox_id = ? AND counted_on BETWEEN ? AND ?"
                        + " ORDER BY counted_on",
                tenant.workspaceId().value(), tenant.mode().wireName(), mailbox.value(), from, to)) {
            return rows.map(DbWarmupActivity::readDay).toList();
        }
    }

    /**
     * Sets a flag of the message unless it is set already, and answers whether this call set it.
     * The UPDATE only matches a row whose flag is still clear, and the database evaluates that on the
     * row it holds locked, so of racing calls exactly one finds it clear.
     */
    private boolean setFlag(String flag, Tenant tenant, MailboxId mailbox, String messageId) {
        Object[] key = key(tenant, mailbox, messageId);
        return db.inTransaction(() -> {
            db.execute().insert(ENSURE_MESSAGE, key);
            return db.execute().update("UPDATE warmup_messages SET " + flag + " = TRUE" + MESSAGE
                    + " AND " + flag + " = FALSE", key) == 1;
        });
    }

    /** The message's placement as it is now, locked until the transaction ends; empty when there is no row yet. */
    private Optional<Optional<PlacedMessage>> readPlacementLocked(Object[] key) {
        return db.execute().get("SELECT placement, placed_on FROM warmup_messages" + MESSAGE + " FOR UPDATE", key)
                .map(row -> {
                    Columns c = new Columns(row);
                    String placement = c.string();
                    LocalDate placedOn = c.date();
                    return placement == null ? Optional.empty()
                            : Optional.of(new PlacedMessage(Placement.parse(placement, "placement"), placedOn));
                });
    }

    private static DailyStats readDay(DbRow row) {
        Columns c = new Columns(row);
        return new DailyStats(c.date(), c.longValue(), c.longValue(), c.longValue(), c.longValue(), c.longValue(),
                c.longValue(), c.longValue(), c.longValue(), c.longValue());
    }

    private static Object[] key(Tenant tenant, MailboxId mailbox, String messageId) {
        return new Object[] {tenant.workspaceId().value(), tenant.mode().wireName(), mailbox.value(), messageId};
    }
}
