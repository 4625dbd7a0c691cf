package io.warmy.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.warmy.adapters.rest.RequestObserver;
import io.warmy.application.common.port.out.Telemetry;
import io.warmy.domain.event.EventType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The server's metrics, in Prometheus text at {@code /metrics}: HTTP requests by route template,
 * method and status with their latency; events recorded by type; webhook attempts by result with
 * their latency; deliveries pending (read from the database at most every 5 s); rate-limit
 * refusals; and the JVM's memory, threads, GC, CPU and uptime.
 */
final class Metrics implements Telemetry, RequestObserver {

    /** Latency buckets from a millisecond to ten seconds. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};
    private static final Duration PENDING_FRESH_FOR = Duration.ofSeconds(5);
    private static final java.util.Set<String> STANDARD_METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<EventType, Counter> eventsMade = new EnumMap<>(EventType.class);
    private final Map<EventType, Counter> eventsDeduplicated = new EnumMap<>(EventType.class);
    private final Map<DeliveryResult, Timer> deliveries = new EnumMap<>(DeliveryResult.class);

    Metrics() {
        for (EventType type : EventType.values()) {
            eventsMade.put(type, Counter.builder("warmy.events.recorded").tag("type", type.wireName())
                    .tag("duplicate", "false").description("Events recorded, by type").register(registry));
            eventsDeduplicated.put(type, Counter.builder("warmy.events.recorded").tag("type", type.wireName())
                    .tag("duplicate", "true").description("Events recorded, by type").register(registry));
        }
        for (DeliveryResult result : DeliveryResult.values()) {
            deliveries.put(result, Timer.builder("warmy.webhook.deliveries").tag("result", result.label())
                    .serviceLevelObjectives(BUCKETS).description("Webhook attempts settled, by result, with their latency")
                    .register(registry));
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Reads the deliveries waiting to be sent when scraped, at most once per {@link #PENDING_FRESH_FOR}. */
    Metrics withPendingDeliveries(LongSupplier pending) {
        AtomicLong value = new AtomicLong();
        AtomicLong readAt = new AtomicLong(System.nanoTime() - PENDING_FRESH_FOR.toNanos() - 1);
        Gauge.builder("warmy.webhook.deliveries.pending", () -> {
            long now = System.nanoTime();
            long last = readAt.get();
            if (now - last > PENDING_FRESH_FOR.toNanos() && readAt.compareAndSet(last, now)) {
                try {
                    value.set(pending.getAsLong());
                } catch (RuntimeException e) {
                    // The database is away: the last value stands until it answers again.
                }
            }
            return value.get();
        }).description("Webhook deliveries waiting to be sent (pending)").register(registry);
        return this;
    }

    /** Counts the requests the rate limits refused, as the limiter reports them. */
    Metrics withRateLimitRefusals(LongSupplier refused) {
        FunctionCounter.builder("warmy.rate.limit.rejections", refused, LongSupplier::getAsLong)
                .description("API requests refused with 429 by the rate limits").register(registry);
        return this;
    }

    /** The Prometheus text exposition of every metric. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void eventRecorded(EventType type, boolean duplicate) {
        (duplicate ? eventsDeduplicated : eventsMade).get(type).increment();
    }

    @Override
    public void deliverySettled(DeliveryResult result, Duration latency) {
        deliveries.get(result).record(latency);
    }

    @Override
    public void answered(Exchange exchange) {
        // Any token is a method on the wire: only the standard ones become label values.
        String method = STANDARD_METHODS.contains(exchange.method()) ? exchange.method() : "OTHER";
        String key = method + " " + exchange.route() + " " + exchange.status();
        requestTimers.computeIfAbsent(key, k -> Timer.builder("warmy.http.requests")
                .tag("method", method).tag("route", exchange.route())
                .tag("status", Integer.toString(exchange.status()))
                .serviceLevelObjectives(BUCKETS).description("HTTP requests, by route template, method and status")
                .register(registry)).record(Duration.ofNanos(exchange.nanos()));
    }
}
