package io.warmy.application.idempotency.port.out;

import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The responses remembered for {@code Idempotency-Key}s, per tenant, shared by every node. A
 * record is first a claim (a request with that key is running, on some node) and then holds the
 * response that request gave.
 */
public interface IdempotencyRecords {

    /** A response as it is replayed. */
    record Response(int status, String contentType, String location, String body, String requestId) {
        public Response {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A record: whose claim it is ({@code token}), for which request ({@code fingerprint}), since
     * when, and the response once there is one.
     */
    record Stored(String token, String fingerprint, Instant startedAt, Optional<Response> response) {
    }

    /**
     * Claims {@code keyHash} for a new request with {@code token}, atomically across nodes: when
     * there is no record, or only one that started at or before {@code expiredBefore}, or a claim
     * without response that started at or before {@code abandonedBefore}. Answers empty when
     * claimed, else the record that stands.
     */
    Optional<Stored> claim(Tenant tenant, String keyHash, String token, String fingerprint, Instant now,
                           Instant expiredBefore, Instant abandonedBefore);

    /** Stores the response of the claim {@code token}; nothing happens when the claim was lost meanwhile. */
    void complete(Tenant tenant, String keyHash, String token, Response response);

    /** Drops the claim {@code token} so that the key can be used again; nothing happens when it is not the standing one. */
    void release(Tenant tenant, String keyHash, String token);

    Optional<Stored> find(Tenant tenant, String keyHash);

    /** Forgets records that started at or before {@code expiredBefore}; answers how many. */
    int purge(Instant expiredBefore);
}
