package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys in table {@code api_keys}, found by the hash of their secret on every request. */
final class DbApiKeys implements ApiKeys {

    private static final String COLUMNS =
            "workspace_id, id, mode, name, prefix, key_hash, admin, created_at_ms, last_used_at_ms, revoked_at_ms,"
            + " rate_limit_per_hour";

    private final DbTransactions db;

    DbApiKeys(DbTransactions db) {
        this.db = db;
    }

    @Override
    public void insert(ApiKey key) {
        db.execute().insert("INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.workspaceId().value(), key.id().value(), key.mode().wireName(), key.name(), key.prefix(),
                key.hash(), key.admin(), key.createdAt().toEpochMilli(), millis(key.lastUsedAt()),
                millis(key.revokedAt()), key.rateLimit().perHour());
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return db.execute().get("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?", hash)
                .map(DbApiKeys::read);
    }

    @Override
    public Optional<ApiKey> find(WorkspaceId workspaceId, ApiKeyId id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM api_keys WHERE workspace_id = ? AND id = ?",
                workspaceId.value(), id.value()).map(DbApiKeys::read);
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspaceId, Optional<ApiKeyId> afterId, int limit) {
        return new NewestFirst("SELECT " + COLUMNS + " FROM api_keys WHERE workspace_id = ?", workspaceId.value())
                .page(db, afterId.map(ApiKeyId::value), limit, DbApiKeys::read);
    }

    @Override
    public Optional<ApiKey> revoke(WorkspaceId workspaceId, ApiKeyId id, Instant at) {
        db.execute().update("UPDATE api_keys SET revoked_at_ms = ?"
                        + " WHERE workspace_id = ? AND id = ? AND revoked_at_ms IS NULL",
                at.toEpochMilli(), workspaceId.value(), id.value());
        return find(workspaceId, id);
    }

    @Override
    public void touch(ApiKeyId id, Instant at) {
        long ms = at.toEpochMilli();
        db.execute().update("UPDATE api_keys SET last_used_at_ms = ?"
                + " WHERE id = ? AND (last_used_at_ms IS NULL OR last_used_at_ms < ?)", ms, id.value(), ms);
    }

    private static ApiKey read(DbRow row) {
        Columns c = new Columns(row);
        WorkspaceId workspaceId = new WorkspaceId(c.string());
        ApiKeyId id = new ApiKeyId(c.string());
        Mode mode = Mode.parse(c.string(), "mode");
        String name = c.string();
        String prefix = c.string();
        String hash = c.string();
        boolean admin = c.bool();
        return new ApiKey(id, workspaceId, name, prefix, hash, mode, admin, c.instant(), c.nullableInstant(),
                c.nullableInstant(), new RateLimit(c.integer()));
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
