package io.warmy.adapters.webhook;

import io.warmy.application.webhook.port.in.DeliverWebhooks;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
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
 * <p>A claim may bring more deliveries for an endpoint than it may have in flight: those wait on
 * this node, in order, up to {@link #HELD_PER_SLOT} per slot of the endpoint, and the attempt that
 * ends starts the next of them at once, with no claim in between. A delivery that waited half its
 * lease is handed back instead of sent, so no other node can take it while it is in flight here.
 * When an attempt ends with nothing of its endpoint waiting, the poller is woken to claim more.
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
    /** Claimed deliveries waiting for a slot of their endpoint, oldest first. */
    private final Map<WebhookEndpointId, Deque<Held>> held = new ConcurrentHashMap<>();
    /** Released when a slot frees that no held delivery took: the poller claims again at once. */
    private final Semaphore wake = new Semaphore(0);
    private final Thread poller;
    private volatile boolean running = true;

    /** Deliveries held on this node per in-flight slot of their endpoint, at most. */
    static final int HELD_PER_SLOT = 8;

    /** A claimed delivery waiting on this node, and when it was claimed. */
    private record Held(Delivery delivery, long claimedAtNanos) {
    }

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
                held.keySet().forEach(this::startHeld);
                int room = free.availablePermits();
                List<Delivery> claimed = room == 0 ? List.of()
                        : dispatcher.claimDue(settings.owner(), room, settings.lease(), busyEndpoints());
                long claimedAt = System.nanoTime();
                for (Delivery d : claimed) {
                    dispatch(new Held(d, claimedAt));
                }
                backoff = settings.idlePoll();
                if (claimed.isEmpty()) {
                    awaitWork(room == 0 ? Duration.ofMillis(5) : settings.idlePoll());
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
        held.forEach((id, waiting) -> {
            if (!waiting.isEmpty()) {
                busy.add(id);
            }
        });
        return busy;
    }

    /** Starts the delivery, or holds it until a slot of its endpoint frees, or hands it back when too many wait. */
    private void dispatch(Held h) {
        if (start(h)) {
            return;
        }
        Deque<Held> waiting = held.computeIfAbsent(h.delivery().endpointId(), id -> new ConcurrentLinkedDeque<>());
        if (waiting.size() < settings.perEndpoint() * HELD_PER_SLOT) {
            waiting.addLast(h);
        } else {
            handBack(h.delivery());
        }
    }

    /** Starts the attempt if its endpoint and this node have a free slot. */
    private boolean start(Held h) {
        Delivery d = h.delivery();
        AtomicInteger count = inFlight.computeIfAbsent(d.endpointId(), id -> new AtomicInteger());
        if (count.incrementAndGet() > settings.perEndpoint() || !free.tryAcquire()) {
            count.decrementAndGet();
            return false;
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
                if (!startHeld(d.endpointId())) {
                    wake.release();
                }
            }
        });
        return true;
    }

    /** Starts the endpoint's held deliveries while it has free slots; answers whether one started. */
    private boolean startHeld(WebhookEndpointId endpoint) {
        Deque<Held> waiting = held.get(endpoint);
        boolean started = false;
        for (Held next = waiting == null ? null : waiting.pollFirst(); next != null; next = waiting.pollFirst()) {
            if (System.nanoTime() - next.claimedAtNanos() > settings.lease().toNanos() / 2) {
                handBack(next.delivery()); // held too long to be sure it is still ours by the time it is sent
                continue;
            }
            if (!running || !start(next)) {
                waiting.addFirst(next);
                break;
            }
            started = true;
        }
        return started;
    }

    private void handBack(Delivery d) {
        try {
            dispatcher.release(d, settings.owner());
        } catch (RuntimeException e) {
            // The database went away: hand it back once it answers (or its lease runs out).
            unsettled.add(d);
        }
    }

    /** Waits until an attempt frees a slot that nothing held took, or for {@code d} at most. */
    private void awaitWork(Duration d) {
        try {
            if (wake.tryAcquire(d.toNanos(), TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            // What was claimed but never started goes back now, not when its lease runs out.
            held.values().forEach(waiting -> {
                for (Held h = waiting.pollFirst(); h != null; h = waiting.pollFirst()) {
                    handBack(h.delivery());
                }
            });
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
