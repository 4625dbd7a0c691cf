package io.warmy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import com.sun.net.httpserver.HttpServer;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.application.common.port.out.Clock;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.ReportOpenRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away for ten seconds under load (a MariaDB server of the test's own, stopped
 * and started again). Meanwhile the API answers 503 problems and gRPC UNAVAILABLE, promptly;
 * readiness goes false and comes back; afterwards every event the API acknowledged, and every
 * report retried after the outage, reaches the webhook receiver without anyone stepping in.
 */
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /**
     * A claim whose commit was in doubt when the database went away (committed, but the answer
     * lost) is only taken back when its lease runs out: 15 s here, so the test can wait for it.
     */
    private static final WarmyConfig.Webhooks LOCAL_WITH_SHORT_LEASE = new WarmyConfig.Webhooks(true, true, false, 15);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTenSecondOutageIsAnsweredPromptlyAndLosesNothing() throws Exception {
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            delivered.add(exchange.getRequestHeaders().getFirst("X-Warmy-Event-Id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        try (PrivateMariaDb mariaDb = PrivateMariaDb.start();
             Warmy warmy = Warmy.start(new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(),
                     Optional.of(mariaDb.settings().jdbcUrl()), "root", "", 8, dataDir, LOCAL_WITH_SHORT_LEASE,
                     WarmyConfig.Tracking.DEFAULTS), Clock.system())) {
            String key = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst().secret();
            String ws = json.readTree(rest(warmy, "GET", "/api/v1/workspace", key, null).body()).get("id").asText();
            assertThat(rest(warmy, "POST", "/api/v1/webhooks", key, "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hooks\",\"events\":[\"email.opened\"]}").statusCode())
                    .isEqualTo(201);
            String mbx = json.readTree(rest(warmy, "POST", "/api/v1/mailboxes", key,
                    "{\"email\":\"sales@outage.example\",\"provider\":\"google\"}").body()).get("id").asText();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", warmy.grpcPort()).usePlaintext().build();
            var ingest = EventIngestServiceGrpc.newBlockingStub(channel);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger prospects = new AtomicInteger();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Queue<String> toRetry = new ConcurrentLinkedQueue<>();
            Map<Integer, AtomicInteger> restStatuses = new ConcurrentHashMap<>();
            Map<Status.Code, AtomicInteger> grpcCodes = new ConcurrentHashMap<>();
            Queue<String> unavailableBodies = new ConcurrentLinkedQueue<>();
            AtomicLong slowestMillis = new AtomicLong();
            List<Future<?>> load = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                boolean restCaller = t % 2 == 0;
                load.add(callers.submit(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        if (restCaller) {
                            HttpResponse<String> r = rest(warmy, "GET", "/api/v1/mailboxes/" + mbx, key, null);
                            restStatuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            if (r.statusCode() == 503) {
                                unavailableBodies.add(r.headers().firstValue("Retry-After").orElse("?") + " "
                                        + r.headers().firstValue("Content-Type").orElse("?") + " " + r.body());
                            }
                        } else {
                            String prospect = "p" + prospects.incrementAndGet();
                            try {
                                acknowledged.add(ingest.withDeadlineAfter(10, TimeUnit.SECONDS).reportOpen(open(ws, mbx, prospect))
                                        .getEventId());
                                grpcCodes.computeIfAbsent(Status.Code.OK, k -> new AtomicInteger()).incrementAndGet();
                            } catch (StatusRuntimeException e) {
                                grpcCodes.computeIfAbsent(e.getStatus().getCode(), k -> new AtomicInteger()).incrementAndGet();
                                toRetry.add(prospect);
                            }
                        }
                        slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
                        Thread.sleep(20);
                    }
                    return null;
                }));
            }

            Thread.sleep(2_000);
            mariaDb.stopServer();
            boolean sawNotReady = false;
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < outageEnds) {
                sawNotReady |= readiness(warmy) == 503;
                Thread.sleep(200);
            }
            mariaDb.startServer();
            long recoveredBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (readiness(warmy) != 200 && System.nanoTime() < recoveredBy) {
                Thread.sleep(100);
            }
            assertThat(readiness(warmy)).as("ready again after the database is back").isEqualTo(200);
            Thread.sleep(2_000);
            running.set(false);
            for (Future<?> f : load) {
                f.get();
            }
            callers.shutdown();

            assertThat(sawNotReady).as("readiness went false during the outage").isTrue();
            assertThat(restStatuses.keySet()).as("REST answers: %s", restStatuses).containsOnly(200, 503);
            assertThat(grpcCodes.keySet()).as("gRPC answers: %s", grpcCodes)
                    .containsOnly(Status.Code.OK, Status.Code.UNAVAILABLE);
            assertThat(restStatuses.get(503).get()).isPositive();
            assertThat(grpcCodes.get(Status.Code.UNAVAILABLE).get()).isPositive();
            assertThat(unavailableBodies).allSatisfy(body -> assertThat(body)
                    .startsWith("5 application/problem+json").contains("\"code\":\"service_unavailable\"")
                    .doesNotContain("SQL").doesNotContain("Exception"));
            assertThat(slowestMillis.get()).as("no request hung").isLessThan(6_000);

            // The platform's service retries what was refused; every event acknowledged is delivered.
            for (String prospect : toRetry) {
                acknowledged.add(ingest.withDeadlineAfter(10, TimeUnit.SECONDS).reportOpen(open(ws, mbx, prospect))
                        .getEventId());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (!delivered.containsAll(acknowledged) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(delivered);
            assertThat(lost).as("acknowledged events never delivered").isEmpty();
            assertThat(acknowledged).hasSize(prospects.get());
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            Files.writeString(Path.of("target", "database-outage.txt"), String.format(
                    "outage=%ds rest=%s grpc=%s events=%d delivered=%d lost=%d retried=%d slowest=%dms%n",
                    OUTAGE.toSeconds(), restStatuses, grpcCodes, acknowledged.size(), delivered.size(), lost.size(),
                    toRetry.size(), slowestMillis.get()));
        } finally {
            receiver.stop(0);
        }
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        assertThat(threadsAfter).as("threads before %d, after %d", threadsBefore, threadsAfter)
                .isLessThan(threadsBefore + 50);
    }

    private static ReportOpenRequest open(String ws, String mbx, String prospect) {
        Instant at = Instant.now().minusSeconds(5);
        return ReportOpenRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId(prospect)
                .setProspectEmail(prospect + "@prospect.example").setCampaignId("c1").setMailboxId(mbx)
                .setStepIndex(0).setOpenedAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build();
    }

    private int readiness(Warmy warmy) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> rest(Warmy warmy, String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + path))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
