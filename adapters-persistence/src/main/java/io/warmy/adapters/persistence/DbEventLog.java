package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.domain.event.DedupKey;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventDraft;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The event log in table {@code events}. The unique key on the dedup hash decides which of two
 * racing appends stores the event; the loser reads the winner's. A duplicate key fails only its
 * own statement on every supported database, so an append inside a larger transaction leaves
 * that transaction's other work in place.
 */
final class DbEventLog implements EventLog {

    private static final String COLUMNS = "workspace_id, mode, id, type, data, timestamp_ms";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM events WHERE workspace_id = ? AND mode = ?";
    /**
     * An append that lost a race reads the winner's row once it is committed; only a row removed in
     * between (retention) sends it round again, so a few rounds are plenty.
     */
    private static final int ROUNDS = 3;

    private final DbTransactions db;

    DbEventLog(DbTransactions db) {
        this.db = db;
    }

    @Override
    public Appended append(Tenant tenant, EventDraft draft, EventId id, Instant timestamp) {
        String data = EventData.write(draft.data());
        String hash = draft.dedupKey().map(DedupKey::hash).orElse(null);
        String key = draft.dedupKey().map(DedupKey::value).orElse(null);
        for (int round = 0; round < ROUNDS; round++) {
            try {
                db.execute().insert("INSERT INTO events (" + COLUMNS + ", dedup_hash, dedup_key)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        tenant.workspaceId().value(), tenant.mode().wireName(), id.value(), draft.type().wireName(),
                        data, timestamp.toEpochMilli(), hash, key);
                // The event as find answers it: times in milliseconds, numbers as JSON reads them.
                return new Appended(new Event(id, tenant, draft.type(), EventData.read(data),
                        Instant.ofEpochMilli(timestamp.toEpochMilli())), false);
            } catch (RuntimeException e) {
                if (hash == null || !SqlErrors.isDuplicateOf(e, "uq_events_dedup")) {
                    throw e;
                }
            }
            Optional<Event> existing = db.execute()
                    .get(SELECT + " AND dedup_hash = ?", tenant.workspaceId().value(), tenant.mode().wireName(), hash)
                    .map(DbEventLog::read);
            if (existing.isPresent()) {
                return new Appended(existing.get(), true);
            }
        }
        throw new IllegalStateException("The event with dedup key " + key + " was removed while being appended again "
                + ROUNDS + " times in a row.");
    }

    @Override
    public Optional<Event> find(Tenant tenant, EventId id) {
        return db.execute().get(SELECT + " AND id = ?", tenant.workspaceId().value(), tenant.mode().wireName(),
                id.value()).map(DbEventLog::read);
    }

    @Override
    public List<Event> list(Tenant tenant, EventQuery query, Optional<EventId> afterId, int limit) {
        return new NewestFirst(SELECT, tenant.workspaceId().value(), tenant.mode().wireName())
                .where("type = ?", query.type() == null ? null : query.type().wireName())
                .where("timestamp_ms >= ?", query.since() == null ? null : query.since().toEpochMilli())
                .where("timestamp_ms < ?", query.until() == null ? null : query.until().toEpochMilli())
                .page(db, afterId.map(EventId::value), limit, DbEventLog::read);
    }

    private static Event read(DbRow row) {
        Columns c = new Columns(row);
        Tenant tenant = new Tenant(new WorkspaceId(c.string()), Mode.parse(c.string(), "mode"));
        EventId id = new EventId(c.string());
        EventType type = EventType.parse(c.string(), "type");
        return new Event(id, tenant, type, EventData.read(c.string()), c.instant());
    }
}
