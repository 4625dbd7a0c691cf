package io.warmy.app;

import com.google.protobuf.Timestamp;
import com.sun.net.httpserver.HttpServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.application.common.port.out.Clock;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.ReportClickRequest;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steady load (REST reads and writes with idempotency keys, gRPC reports, webhook deliveries) for
 * a bounded time, sampling the heap after a collection and the thread count: both stay flat.
 * The short form runs 20 s in the test suite; {@code -Dwarmy.soak.seconds=600} runs the long one.
 */
class SoakTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void heapAndThreadsStayFlatUnderSteadyLoad() throws Exception {
        Duration soak = Duration.ofSeconds(Integer.getInteger("warmy.soak.seconds", 20));
        AtomicInteger delivered = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            delivered.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        DatabaseSettings db = TestDatabases.newMariaDb();
        List<String> samples = new ArrayList<>();
        try (Warmy warmy = Warmy.start(new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(),
                Optional.of(db.jdbcUrl()), db.user(), db.password(), 8, dataDir, WarmyConfig.Webhooks.LOCAL,
                WarmyConfig.Tracking.DEFAULTS), Clock.system())) {
            String admin = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst().secret();
            String key = ServeEndToEndTest.field(send(warmy, "POST", "/api/v1/api-keys", admin,
                    "{\"name\":\"soak\",\"rateLimitPerHour\":1000000}", null).body(), "key");
            String ws = ServeEndToEndTest.field(send(warmy, "GET", "/api/v1/workspace", key, null, null).body(), "id");
            send(warmy, "POST", "/api/v1/webhooks", key, "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hooks\",\"events\":[\"email.clicked\",\"mailbox.connected\"]}", null);
            String mbx = ServeEndToEndTest.field(send(warmy, "POST", "/api/v1/mailboxes", key,
                    "{\"email\":\"soak@acme.example\",\"provider\":\"google\"}", null).body(), "id");
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", warmy.grpcPort()).usePlaintext().build();
            var ingest = EventIngestServiceGrpc.newBlockingStub(channel);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong requests = new AtomicLong();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int caller = t;
                callers.add(load.submit(() -> {
                    for (long n = 0; running.get(); n++) {
                        int status = switch ((int) (n % 3)) {
                            case 0 -> send(warmy, "GET", "/api/v1/mailboxes/" + mbx, key, null, null).statusCode();
                            case 1 -> send(warmy, "POST", "/api/v1/suppressions", key, "{\"email\":\"s" + caller + "-" + n
                                    + "@prospect.example\"}", "soak-" + caller + "-" + n).statusCode();
                            default -> {
                                Instant at = Instant.now().minusSeconds(1);
                                ingest.reportClick(ReportClickRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                                        .setProspectId("p" + caller + "-" + n).setProspectEmail("p@prospect.example")
                                        .setCampaignId("c1").setMailboxId(mbx).setStepIndex(0)
                                        .setUrl("https://acme.example/" + n)
                                        .setClickedAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build());
                                yield 200;
                            }
                        };
                        requests.incrementAndGet();
                        if (status >= 300) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(5_000); // warm up: pools, caches and JIT settle
            long[] baseline = sample();
            samples.add(row(0, baseline, requests.get(), delivered.get()));
            long[] last = baseline;
            long start = System.nanoTime();
            while (System.nanoTime() - start < soak.toNanos()) {
                Thread.sleep(Math.min(5_000, soak.toMillis()));
                last = sample();
                samples.add(row(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), last, requests.get(),
                        delivered.get()));
            }
            running.set(false);
            for (Future<?> f : callers) {
                f.get();
            }
            load.shutdown();
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            Files.writeString(Path.of("target", "soak.txt"), "seconds heap-MiB threads requests delivered\n"
                    + String.join("\n", samples) + "\n");

            assertThat(failures.get()).as("failed requests").isZero();
            assertThat(requests.get()).isGreaterThan(100);
            assertThat(delivered.get()).isPositive();
            long heapGrowthMiB = (last[0] - baseline[0]) >> 20;
            assertThat(heapGrowthMiB).as("heap after GC grew by %d MiB: %s", heapGrowthMiB, samples).isLessThan(48);
            assertThat(last[1] - baseline[1]).as("threads grew: %s", samples).isLessThan(16);
        } finally {
            receiver.stop(0);
        }
    }

    /** Heap in use after a full collection, and live threads. */
    private static long[] sample() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new long[] {heap, ManagementFactory.getThreadMXBean().getThreadCount()};
    }

    private static String row(long seconds, long[] sample, long requests, int delivered) {
        return seconds + " " + (sample[0] >> 20) + " " + sample[1] + " " + requests + " " + delivered;
    }

    private HttpResponse<String> send(Warmy warmy, String method, String path, String key, String body,
                                      String idempotencyKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + path))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
