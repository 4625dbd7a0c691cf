package io.warmy.application.webhook.port.out;

import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;
import io.warmy.domain.webhook.DeliveryFilter;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The deliveries as work: many dispatchers, on many nodes, claim due deliveries under leases, so
 * a claimed delivery is attempted by one dispatcher at a time, and a dispatcher that dies leaves
 * its claims to expire and be taken by others.
 */
public interface DeliveryQueue {

    /**
     * Claims up to {@code limit} pending deliveries of any tenant that are due at {@code now} and
     * not under another live lease, oldest due first, for {@code owner} until {@code leaseUntil}.
     * Two dispatchers claiming at once get disjoint deliveries. Deliveries to the endpoints in
     * {@code skip} (those the dispatcher is already busy with) are left for later.
     */
    List<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit, Set<WebhookEndpointId> skip);

    /** Claims without leaving any endpoint out. */
    default List<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        return claim(owner, now, leaseUntil, limit, Set.of());
    }

    /** Gives a claim back unattempted, due as it was. */
    void release(DeliveryId id, String owner);

    /**
     * Stores the delivery as settled after an attempt, with the attempt in its log (none when it
     * was given up unattempted), and ends the lease; does nothing and answers false when
     * {@code owner} no longer holds the lease.
     */
    boolean complete(Delivery settled, Optional<DeliveryAttempt> attempt, String owner);

    Optional<Delivery> find(Tenant tenant, DeliveryId id);

    /** An endpoint's deliveries, newest first, after {@code afterId} when given, at most {@code limit}. */
    List<Delivery> list(Tenant tenant, WebhookEndpointId endpointId, DeliveryFilter filter, Optional<DeliveryId> afterId,
                        int limit);

    /** A delivery's attempts, oldest first. */
    List<DeliveryAttempt> attempts(Tenant tenant, DeliveryId id);

    /** Makes a delivery due again at {@code now} (pending, lease cleared), keeping its attempt count. */
    boolean requeue(Tenant tenant, DeliveryId id, Instant now);

    /** Makes every failed delivery of the endpoint created at or after {@code since} due again; answers how many. */
    int requeueFailed(Tenant tenant, WebhookEndpointId endpointId, Instant since, Instant now);
}
