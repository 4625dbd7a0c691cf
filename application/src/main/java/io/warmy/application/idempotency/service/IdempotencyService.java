package io.warmy.application.idempotency.service;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.idempotency.port.in.RememberResponses;
import io.warmy.application.idempotency.port.out.IdempotencyRecords;
import io.warmy.application.idempotency.port.out.IdempotencyRecords.Response;
import io.warmy.application.idempotency.port.out.IdempotencyRecords.Stored;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.tenancy.Tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the responses of keyed requests for {@link #KEEP} (24 h, as Stripe does), per tenant.
 * Claiming a key is atomic in the store, so of concurrent requests with one key, on any nodes,
 * exactly one does the work; the others wait for its response up to {@code waitFor} and replay it,
 * or are told it is still running. A claim whose request never finished (its node died) is given
 * up after {@link #ABANDONED_AFTER}, so a retry can do the work then.
 */
public final class IdempotencyService implements RememberResponses {

    public static final Duration KEEP = Duration.ofHours(24);
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 20;

    private final IdempotencyRecords records;
    private final Clock clock;
    private final Duration waitFor;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    public IdempotencyService(IdempotencyRecords records, Clock clock, Duration waitFor) {
        this.records = records;
        this.clock = clock;
        this.waitFor = waitFor;
    }

    public IdempotencyService(IdempotencyRecords records, Clock clock) {
        this(records, clock, Duration.ofSeconds(10));
    }

    @Override
    public Begin begin(Tenant tenant, String idempotencyKey, String fingerprint) {
        if (!isValidKey(idempotencyKey)) {
            throw new IllegalArgumentException("an idempotency key is 1 to 255 printable ASCII characters");
        }
        purgeNowAndThen();
        String keyHash = sha256(idempotencyKey);
        long deadline = System.nanoTime() + waitFor.toNanos();
        while (true) {
            Instant now = clock.now();
            String token = newToken();
            Optional<Stored> standing = records.claim(tenant, keyHash, token, fingerprint, now, now.minus(KEEP),
                    now.minus(ABANDONED_AFTER));
            if (standing.isEmpty()) {
                return new Begin.Proceed(new Ticket(tenant, keyHash, token));
            }
            Stored stored = standing.get();
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new InvalidValueException("Idempotency-Key", "idempotency_key_reused",
                        "This Idempotency-Key was already used for another request (another route or body) in the last"
                                + " 24 hours; use a new key for a new request.");
            }
            if (stored.response().isPresent()) {
                return new Begin.Replay(stored.response().get());
            }
            if (System.nanoTime() >= deadline) {
                throw new ConflictException("idempotency_key_in_progress",
                        "A request with this Idempotency-Key is still being processed; retry it in a moment.");
            }
            sleep();
        }
    }

    @Override
    public void finish(Ticket ticket, Response response) {
        records.complete(ticket.tenant(), ticket.keyHash(), ticket.token(), response);
    }

    @Override
    public void abandon(Ticket ticket) {
        records.release(ticket.tenant(), ticket.keyHash(), ticket.token());
    }

    /** Whether {@code key} is 1–255 printable ASCII characters, the form the API accepts. */
    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 255) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    private void purgeNowAndThen() {
        Instant now = clock.now();
        Instant last = lastPurge.get();
        if (now.isAfter(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
            records.purge(now.minus(KEEP));
        }
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("idempotency_key_in_progress",
                    "A request with this Idempotency-Key is still being processed; retry it in a moment.");
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
