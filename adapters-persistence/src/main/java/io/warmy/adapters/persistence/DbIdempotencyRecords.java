package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.idempotency.port.out.IdempotencyRecords;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembered responses in table {@code idempotency_records}, one row per key and tenant. A claim
 * is an INSERT, so of racing nodes the unique key lets exactly one in; a row that may be taken
 * over (expired, or a claim abandoned by a node that died) is replaced by a conditional UPDATE that
 * names the claim it replaces, so again only one of several racers wins it.
 */
final class DbIdempotencyRecords implements IdempotencyRecords {

    private static final String KEY = " WHERE workspace_id = ? AND mode = ? AND key_hash = ?";
    private static final String COLUMNS =
            "claim_token, fingerprint, started_at_ms, status, content_type, location, body, request_id";

    private final DbTransactions db;

    DbIdempotencyRecords(DbTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<Stored> claim(Tenant tenant, String keyHash, String token, String fingerprint, Instant now,
                                  Instant expiredBefore, Instant abandonedBefore) {
        String ws = tenant.workspaceId().value();
        String mode = tenant.mode().wireName();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Stored> standing = find(tenant, keyHash);
            if (standing.isEmpty()) {
                try {
                    db.execute().insert("INSERT INTO idempotency_records (workspace_id, mode, key_hash, claim_token,"
                            + " fingerprint, started_at_ms) VALUES (?, ?, ?, ?, ?, ?)", ws, mode, keyHash, token,
                            fingerprint, now.toEpochMilli());
                    return Optional.empty();
                } catch (RuntimeException e) {
                    if (!SqlErrors.isDuplicate(e)) {
                        throw e;
                    }
                    continue; // another node claimed it just now: read what stands
                }
            }
            Stored s = standing.get();
            boolean free = !s.startedAt().isAfter(expiredBefore)
                    || (s.response().isEmpty() && !s.startedAt().isAfter(abandonedBefore));
            if (!free) {
                return standing;
            }
            long taken = db.execute().update("UPDATE idempotency_records SET claim_token = ?, fingerprint = ?,"
                    + " started_at_ms = ?, status = NULL, content_type = NULL, location = NULL, body = NULL,"
                    + " request_id = NULL" + KEY + " AND claim_token = ?", token, fingerprint, now.toEpochMilli(),
                    ws, mode, keyHash, s.token());
            if (taken == 1) {
                return Optional.empty();
            }
        }
        return find(tenant, keyHash);
    }

    @Override
    public void complete(Tenant tenant, String keyHash, String token, Response response) {
        db.execute().update("UPDATE idempotency_records SET status = ?, content_type = ?, location = ?, body = ?,"
                        + " request_id = ?" + KEY + " AND claim_token = ?", response.status(), response.contentType(),
                response.location(), response.body(), response.requestId(), tenant.workspaceId().value(),
                tenant.mode().wireName(), keyHash, token);
    }

    @Override
    public void release(Tenant tenant, String keyHash, String token) {
        db.execute().delete("DELETE FROM idempotency_records" + KEY + " AND claim_token = ?",
                tenant.workspaceId().value(), tenant.mode().wireName(), keyHash, token);
    }

    @Override
    public Optional<Stored> find(Tenant tenant, String keyHash) {
        return db.execute().get("SELECT " + COLUMNS + " FROM idempotency_records" + KEY,
                tenant.workspaceId().value(), tenant.mode().wireName(), keyHash).map(DbIdempotencyRecords::read);
    }

    @Override
    public int purge(Instant expiredBefore) {
        return Math.toIntExact(db.execute().delete("DELETE FROM idempotency_records WHERE started_at_ms <= ?",
                expiredBefore.toEpochMilli()));
    }

    private static Stored read(DbRow row) {
        Columns c = new Columns(row);
        String token = c.string();
        String fingerprint = c.string();
        Instant startedAt = c.instant();
        Integer status = c.nullableInteger();
        String contentType = c.string();
        String location = c.string();
        String body = c.text();
        String requestId = c.string();
        Optional<Response> response = status == null ? Optional.empty()
                : Optional.of(new Response(status, contentType, location, body == null ? "" : body, requestId));
        return new Stored(token, fingerprint, startedAt, response);
    }
}
