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
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
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
 * most that many requests early. Keys whose blocks are the largest ({@link #EARLY_LEASE_BLOCK},
 * limits of 10,000 an hour and more: the busiest keys) lease their next block in the background
 * once half of the current one is spent, so their requests never wait for the ledger; such a
 * node holds up to one and a half blocks, 150 requests.
 */
public final class RequestQuotas implements AdmitRequest {

    /** The block size from which the next block is leased before the current one runs out. */
    public static final int EARLY_LEASE_BLOCK = 100;

    private final QuotaLedger ledger;
    private final Clock clock;
    private final Executor background;
    private final ConcurrentHashMap<ApiKeyId, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    /** What this node knows of one key's quota. Guarded by its own monitor. */
    private static final class Bucket {
        RateLimit limit;
        int tokens;
        int usedAtLease;
        Instant resetAt;
        Instant refusedUntil;
        /** An early lease is under way. */
        boolean leasing;
        /** Bumped when the key's limit changes: an early lease of the old limit is then dropped. */
        long generation;

        /** Adds what the ledger granted; a refusal is remembered until the ledger's retry time. */
        void take(QuotaWindow.Lease lease) {
            usedAtLease = lease.used();
            resetAt = lease.resetAt();
            if (lease.granted() == 0) {
                refusedUntil = lease.retryAt();
            } else {
                tokens += lease.granted();
                refusedUntil = null;
            }
        }
    }

    public RequestQuotas(QuotaLedger ledger, Clock clock) {
        this(ledger, clock, task -> Thread.ofVirtual().name("quota-lease").start(task));
    }

    /** With the executor that runs early leases (a test's own, to run them when it chooses). */
    public RequestQuotas(QuotaLedger ledger, Clock clock, Executor background) {
        this.ledger = ledger;
        this.clock = clock;
        this.background = background;
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
                bucket.generation++;
            }
            if (bucket.tokens == 0 && bucket.leasing) {
                awaitEarlyLease(bucket);
            }
            if (bucket.tokens == 0) {
                if (bucket.refusedUntil != null && now.isBefore(bucket.refusedUntil)) {
                    return refuse(bucket, now);
                }
                bucket.take(ledger.lease(caller.tenant().workspaceId(), caller.keyId(), limit, limit.block(), now));
                if (bucket.tokens == 0) {
                    return refuse(bucket, now);
                }
            }
            bucket.tokens--;
            if (limit.block() >= EARLY_LEASE_BLOCK && !bucket.leasing && bucket.tokens < limit.block() / 2
                    && (bucket.refusedUntil == null || !now.isBefore(bucket.refusedUntil))) {
                leaseEarly(bucket, caller, limit);
            }
            int remaining = Math.clamp((long) limit.perHour() - bucket.usedAtLease + bucket.tokens, 0, limit.perHour());
            return new Admission(true, limit.perHour(), remaining, now.plus(RateLimit.WINDOW), Duration.ZERO);
        }
    }

    /** Leases the key's next block in the background; its requests go on spending the current one. */
    private void leaseEarly(Bucket bucket, Caller caller, RateLimit limit) {
        bucket.leasing = true;
        long generation = bucket.generation;
        background.execute(() -> {
            QuotaWindow.Lease lease = null;
            try {
                lease = ledger.lease(caller.tenant().workspaceId(), caller.keyId(), limit, limit.block(), clock.now());
            } catch (RuntimeException e) {
                // The store is away: the request that finds no token leases, and fails, in its own time.
            } finally {
                synchronized (bucket) {
                    bucket.leasing = false;
                    if (lease != null && bucket.generation == generation) {
                        bucket.take(lease);
                    }
                    bucket.notifyAll();
                }
            }
        });
    }

    /** Waits (a little) for the early lease under way rather than leasing a second block beside it. */
    private static void awaitEarlyLease(Bucket bucket) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (bucket.leasing && System.nanoTime() < deadline) {
                bucket.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
