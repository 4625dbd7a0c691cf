package io.warmy.application.idempotency.port.in;

import io.warmy.application.idempotency.port.out.IdempotencyRecords.Response;
import io.warmy.domain.tenancy.Tenant;

/**
 * {@code Idempotency-Key}: a request retried with the same key gets the first response back instead
 * of doing the work again. A caller begins each keyed request here, does the work only when told
 * to {@link Begin.Proceed}, and then finishes (or abandons) it.
 */
public interface RememberResponses {

    /** What to do with a keyed request. */
    sealed interface Begin {

        /** The key is new (or expired): do the work, then {@link #finish} or {@link #abandon} this ticket. */
        record Proceed(Ticket ticket) implements Begin {
        }

        /** The key was used for this same request: answer its response again. */
        record Replay(Response response) implements Begin {
        }
    }

    /** A claim on a key while its request runs. */
    record Ticket(Tenant tenant, String keyHash, String token) {
    }

    /**
     * Begins a request that carries {@code idempotencyKey}; {@code fingerprint} identifies the
     * request (route and body), so that a key reused for another request is refused. While the
     * first request with the key still runs, this waits for it a little.
     *
     * @throws io.warmy.domain.common.MalformedException when the key is not 1–255 printable ASCII characters
     * @throws io.warmy.domain.common.InvalidValueException when the key was used for another request
     * @throws io.warmy.domain.common.ConflictException when the first request is still running
     */
    Begin begin(Tenant tenant, String idempotencyKey, String fingerprint);

    /** Keeps {@code response} as the answer to every retry with the ticket's key, for 24 hours. */
    void finish(Ticket ticket, Response response);

    /** Forgets the claim, so that a retry does the work again (the request failed without an answer worth keeping). */
    void abandon(Ticket ticket);
}
