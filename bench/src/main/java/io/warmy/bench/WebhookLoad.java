package io.warmy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.warmy.adapters.webhook.WebhookSignatures;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.SignalReport;
import io.warmy.proto.v1.SignalResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook delivery, in a process of its own: a loopback receiver (a Helidon WebServer that
 * answers 200 at once), endpoints made through the REST API, events reported over gRPC, and the
 * time from each report to each arrival. Then the baseline: a plain {@link HttpClient} loop
 * posting the same signed bodies to the same receiver, with as many in flight as Warmy's
 * delivery worker allows (32 at once, 4 per endpoint).
 * <p>Arguments: {@code API KEY GRPC WORKSPACE MAILBOX ENDPOINTS EVENTS PACED_SECONDS}.
 */
public final class WebhookLoad {

    private static final Map<String, Long> SENT = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();
    private static final AtomicLong ARRIVED = new AtomicLong();
    private static final AtomicLong LAST_ARRIVAL = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String key = args[1];
        String workspace = args[3];
        String mailbox = args[4];
        int endpoints = Integer.parseInt(args[5]);
        int events = Integer.parseInt(args[6]);
        int pacedSeconds = Integer.parseInt(args[7]);
        WebServer receiver = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.post("/hook/{n}", (req, res) -> {
                    byte[] body = req.content().as(byte[].class);
                    long now = System.nanoTime();
                    Long sent = SENT.get(prospectOf(body));
                    if (sent != null) {
                        LATENCIES.add(now - sent);
                    }
                    LAST_ARRIVAL.set(now);
                    ARRIVED.incrementAndGet();
                    res.status(Status.OK_200).send("ok");
                }))
                .build().start();
        ManagedChannel channel = NettyChannelBuilder.forTarget(args[2]).usePlaintext().build();
        try {
            List<String> ids = new ArrayList<>();
            List<String> secrets = new ArrayList<>();
            for (int i = 0; i < endpoints; i++) {
                JsonNode created = Bench.call("POST", api + "/webhooks", key, "{\"url\":\"http://127.0.0.1:" + receiver.port()
                        + "/hook/" + i + "\",\"events\":[\"email.opened\"]}");
                ids.add(created.get("id").asText());
                secrets.add(created.get("secret").asText());
            }
            int total = events * endpoints;

            // Warmy: every event reported as fast as one stream takes them, then every delivery awaited.
            reset();
            long started = System.nanoTime();
            report(channel, workspace, mailbox, "wh", events);
            await(total, Duration.ofMinutes(8));
            double perSecond = total / ((LAST_ARRIVAL.get() - started) / 1e9);
            long[] backlog = latencies();

            // Paced: 200 events a second to one endpoint, the latency a receiver sees when nothing queues.
            long[] paced = new long[0];
            if (endpoints == 1) {
                reset();
                paced(channel, workspace, mailbox, 200, pacedSeconds);
                await(200L * pacedSeconds, Duration.ofMinutes(2));
                paced = latencies();
            }
            for (String id : ids) {
                Bench.call("DELETE", api + "/webhooks/" + id, key, null);
            }

            // The baseline: the same signed bodies, posted by a plain loop.
            reset();
            int inFlight = Math.min(32, 4 * endpoints);
            double baseline = plainLoop(receiver.port(), secrets, events, mailbox, inFlight);
            Bench.result(Bench.object().put("perSecond", perSecond).put("p50Ms", Bench.percentile(backlog, 50) / 1e6)
                    .put("p99Ms", Bench.percentile(backlog, 99) / 1e6).put("baselinePerSecond", baseline)
                    .put("baselineInFlight", inFlight).put("pacedP50Ms", Bench.percentile(paced, 50) / 1e6)
                    .put("pacedP99Ms", Bench.percentile(paced, 99) / 1e6).put("pacedDelivered", paced.length));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            receiver.stop();
        }
    }

    /** The prospect id in a delivered body: {@code "prospectId":"p-…"}. */
    private static String prospectOf(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"prospectId\":\"");
        if (at < 0) {
            return "";
        }
        int from = at + 14;
        return text.substring(from, text.indexOf('"', from));
    }

    private static void reset() {
        SENT.clear();
        LATENCIES.clear();
        ARRIVED.set(0);
    }

    private static long[] latencies() {
        return LATENCIES.stream().mapToLong(Long::longValue).toArray();
    }

    private static void await(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ARRIVED.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + ARRIVED.get() + " of " + count + " deliveries arrived within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    private static void report(ManagedChannel channel, String workspace, String mailbox, String tag, int count)
            throws InterruptedException {
        Semaphore window = new Semaphore(1000);
        CountDownLatch finished = new CountDownLatch(1);
        StreamObserver<SignalReport> requests = EventIngestServiceGrpc.newStub(channel).reportBatch(new StreamObserver<>() {
            @Override
            public void onNext(SignalResult result) {
                if (result.hasError()) {
                    System.err.println("report refused: " + result.getError());
                }
                window.release();
            }

            @Override
            public void onError(Throwable t) {
                t.printStackTrace();
                finished.countDown();
                window.release(1000);
            }

            @Override
            public void onCompleted() {
                finished.countDown();
            }
        });
        for (int i = 0; i < count; i++) {
            window.acquire();
            String prospect = "p-" + tag + "-" + i;
            SENT.put(prospect, System.nanoTime());
            requests.onNext(SignalReport.newBuilder().setOpen(GrpcLoad.open(workspace, mailbox, prospect)).build());
        }
        requests.onCompleted();
        finished.await(5, TimeUnit.MINUTES);
    }

    private static void paced(ManagedChannel channel, String workspace, String mailbox, int perSecond, int seconds)
            throws InterruptedException {
        EventIngestServiceGrpc.EventIngestServiceBlockingStub stub = EventIngestServiceGrpc.newBlockingStub(channel);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < perSecond * seconds; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String prospect = "p-paced-" + i;
                callers.execute(() -> {
                    SENT.put(prospect, System.nanoTime());
                    stub.withDeadlineAfter(30, TimeUnit.SECONDS).reportOpen(GrpcLoad.open(workspace, mailbox, prospect));
                });
            }
        }
    }

    /** Posts events × endpoints signed bodies with at most {@code inFlight} at once; answers deliveries/s. */
    private static double plainLoop(int port, List<String> secrets, int events, String mailbox, int inFlight)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int e = 0; e < events; e++) {
                String prospect = "p-loop-" + e;
                String id = UUID.randomUUID().toString();
                Instant at = Instant.now();
                byte[] body = ("{\"type\":\"email.opened\",\"data\":{\"prospectId\":\"" + prospect + "\",\"prospectEmail\":\""
                        + prospect + "@bench.example\",\"campaignId\":\"c-bench\",\"mailboxId\":\"" + mailbox
                        + "\",\"stepIndex\":0,\"openedAt\":\"" + at + "\"},\"timestamp\":\"" + at + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                for (int n = 0; n < secrets.size(); n++) {
                    String secret = secrets.get(n);
                    URI uri = URI.create("http://127.0.0.1:" + port + "/hook/" + n);
                    slots.acquire();
                    senders.execute(() -> {
                        try {
                            long ms = System.currentTimeMillis();
                            String warmy = WebhookSignatures.warmyHeader(List.of(secret), ms, body);
                            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/json")
                                    .header("X-Warmy-Event-Id", id).header("X-Warmy-Event-Type", "email.opened")
                                    .header("X-Warmy-Timestamp", Long.toString(ms))
                                    .header("X-Warmy-Signature", warmy).header("X-WarmySender-Signature", warmy)
                                    .header("webhook-id", id).header("webhook-timestamp", Long.toString(ms / 1000))
                                    .header("webhook-signature", WebhookSignatures.standardHeader(List.of(secret), id, ms / 1000, body))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                            if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        } catch (Exception ex) {
                            failed.incrementAndGet();
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " posts of the plain loop failed");
        }
        return (double) events * secrets.size() / elapsed;
    }
}
