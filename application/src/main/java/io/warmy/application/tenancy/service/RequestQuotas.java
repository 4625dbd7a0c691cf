package io.warmy.application.tenancy.service;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.AdmitRequest;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.QuotaWindow;
import io.warmy.domain.tenancy.RateLimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * API rate limits for one server node, kept off the database: the node takes its keys' quota from
 * the cluster-wide {@link QuotaLedger} a block at a time ({@link RateLimit#block()}) and spends
 * it request by request in memory. A refusal is remembered until the ledger said a request would
 * fit again, so a client hammering past its limit costs no database work either.
 *
 * <p>Every node holds at most one block per key, so a cluster of {@code n} nodes admits at most
 * {@code limit + n × block} requests of a key in any hour (1 % more per node, at most 100
 * requests); a node that stops or goes idle leaves at most its block unused, which refuses at
 * most that many requests early.
 */
public final class RequestQuotas implements AdmitRequest {

    private final QuotaLedger ledger;
    private final Clock clock;
    private final ConcurrentHashMap<ApiKeyId, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    /** What this node knows of one key's quota. Guarded by its own monitor. */
    private static final class Bucket {
        RateLimit limit;
        int tokens;
        int usedAtLease;
        Instant resetAt;
        Instant refusedUntil;
    }

    public RequestQuotas(QuotaLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Admission admit(Caller caller) {
        Bucket bucket = buckets.computeIfAbsent(caller.keyId(), id -> new Bucket());
        synchronized (bucket) {
            Instant now = clock.now();
            RateLimit limit = caller.rateLimit();
            if (!limit.equals(bucket.limit)) {
                // A new key here, or its limit changed: whatever this node held was of the old limit.
                bucket.limit = limit;
                bucket.tokens = 0;
                bucket.refusedUntil = null;
            }
            if (bucket.tokens == 0) {
                if (bucket.refusedUntil != null && now.isBefore(bucket.refusedUntil)) {
                    return refuse(bucket, now);
                }
                QuotaWindow.Lease lease = ledger.lease(caller.tenant().workspaceId(), caller.keyId(), limit,
                        limit.block(), now);
                bucket.usedAtLease = lease.used();
                bucket.resetAt = lease.resetAt();
                if (lease.granted() == 0) {
                    bucket.refusedUntil = lease.retryAt();
                    return refuse(bucket, now);
                }
                bucket.tokens = lease.granted();
                bucket.refusedUntil = null;
            }
            bucket.tokens--;
            int remaining = Math.clamp((long) limit.perHour() - bucket.usedAtLease + bucket.tokens, 0, limit.perHour());
            return new Admission(true, limit.perHour(), remaining, now.plus(RateLimit.WINDOW), Duration.ZERO);
        }
    }

    /** Requests refused on this node since it started. */
    public long refused() {
        return refused.sum();
    }

    private Admission refuse(Bucket bucket, Instant now) {
        refused.increment();
        Duration wait = Duration.between(now, bucket.refusedUntil);
        return new Admission(false, bucket.limit.perHour(), 0, bucket.resetAt, wait);
    }
}
