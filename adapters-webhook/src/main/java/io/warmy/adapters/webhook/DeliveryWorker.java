package io.warmy.adapters.webhook;

import io.warmy.application.webhook.port.in.DeliverWebhooks;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The webhook dispatcher's runtime on one node: a poller claims due deliveries under a lease and
 * hands each to a bounded pool of senders. No endpoint has more than {@code perEndpoint}
 * deliveries in flight, and endpoints at that cap are left out of the next claims, so one slow or
 * dead endpoint never holds up the others. Other nodes run the same loop on the same database;
 * the leases keep them from attempting one delivery twice.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    /**
     * @param owner       this node's name in the leases (unique per process)
     * @param senders     attempts in flight at once on this node
     * @param perEndpoint attempts in flight at once to one endpoint
     * @param lease       how long a claim is this node's: longer than the transport's timeout
     * @param idlePoll    how long to wait when nothing was due
     */
    public record Settings(String owner, int senders, int perEndpoint, Duration lease, Duration idlePoll) {
        public Settings {
            if (senders < 1 || perEndpoint < 1 || lease.isNegative() || lease.isZero() || idlePoll.isNegative()) {
                throw new IllegalArgumentException("senders and perEndpoint must be positive, lease longer than zero");
            }
        }
    }

    private final DeliverWebhooks dispatcher;
    private final Settings settings;
    private final ExecutorService senders;
    private final Semaphore free;
    private final Map<WebhookEndpointId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Queue<Delivery> unsettled = new ConcurrentLinkedQueue<>();
    private final Thread poller;
    private volatile boolean running = true;

    public DeliveryWorker(DeliverWebhooks dispatcher, Settings settings) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-sender-", 0).factory());
        this.free = new Semaphore(settings.senders());
        this.poller = Thread.ofPlatform().name("webhook-poller").daemon().unstarted(this::poll);
    }

    public DeliveryWorker start() {
        poller.start();
        return this;
    }

    private void poll() {
        Duration backoff = settings.idlePoll();
        while (running) {
            try {
                releaseUnsettled();
                int room = free.availablePermits();
                List<Delivery> claimed = room == 0 ? List.of()
                        : dispatcher.claimDue(settings.owner(), room, settings.lease(), busyEndpoints());
                for (Delivery d : claimed) {
                    send(d);
                }
                backoff = settings.idlePoll();
                if (claimed.isEmpty()) {
                    pause(room == 0 ? Duration.ofMillis(5) : settings.idlePoll());
                }
            } catch (RuntimeException e) {
                // The database may be down: keep polling, less often, and let leases cover what was claimed.
                LOG.log(Level.WARNING, "webhook poller: " + e.getMessage());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Gives back the claims of attempts that could not be settled, so that they are due again now. */
    private void releaseUnsettled() {
        for (Delivery d = unsettled.peek(); d != null; d = unsettled.peek()) {
            dispatcher.release(d, settings.owner()); // throws while the database is still away: kept for the next turn
            unsettled.poll();
        }
    }

    private Set<WebhookEndpointId> busyEndpoints() {
        Set<WebhookEndpointId> busy = new java.util.HashSet<>();
        inFlight.forEach((id, n) -> {
            if (n.get() >= settings.perEndpoint()) {
                busy.add(id);
            }
        });
        return busy;
    }

    private void send(Delivery d) {
        AtomicInteger count = inFlight.computeIfAbsent(d.endpointId(), id -> new AtomicInteger());
        if (count.incrementAndGet() > settings.perEndpoint() || !free.tryAcquire()) {
            count.decrementAndGet();
            try {
                dispatcher.release(d, settings.owner());
            } catch (RuntimeException e) {
                // The database went away: hand it back once it answers (or its lease runs out).
                unsettled.add(d);
            }
            return;
        }
        senders.execute(() -> {
            try {
                dispatcher.attempt(d, settings.owner());
            } catch (RuntimeException e) {
                // Unsettled (the database went away mid-attempt): handed back as soon as the poller
                // reaches the database again, or else claimed again when its lease runs out.
                LOG.log(Level.WARNING, "webhook delivery " + d.id() + " not settled: " + e.getMessage());
                unsettled.add(d);
            } finally {
                count.decrementAndGet();
                free.release();
            }
        });
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(2000);
            senders.shutdown();
            if (!senders.awaitTermination(15, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
