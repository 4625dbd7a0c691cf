package io.warmy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import com.sun.net.httpserver.HttpServer;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.ReportClickRequest;
import io.warmy.proto.v1.ReportOpenRequest;
import io.warmy.proto.v1.ReportReplyRequest;
import io.warmy.proto.v1.ReportResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three server processes on one MariaDB take a stream of signals, every one reported twice to two
 * different nodes; one node is killed with SIGKILL half-way and started again. At the webhook
 * receiver: every event arrived, no event a dedup rule forbids was made, and the only repeated
 * deliveries are those that were in flight on the killed node.
 */
class ClusterCrashTest {

    private static final int PROSPECTS = 150; // × reply, open, click: 450 events from 900 reports
    private static final int SENDERS_PER_NODE = 32;

    @TempDir
    Path work;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    @Test
    void aNodeKilledMidStreamLosesNoEventAndRepeatsOnlyWhatWasInFlight() throws Exception {
        Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
        List<String> arrivalTypes = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("X-Warmy-Event-Id");
            arrivals.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            arrivalTypes.add(exchange.getRequestHeaders().getFirst("X-Warmy-Event-Type"));
            sleep(ThreadLocalRandom.current().nextInt(5, 40)); // deliveries spend a while in flight
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        toClose.add(() -> receiver.stop(0));

        DatabaseSettings db = TestDatabases.newMariaDb();
        Map<String, String> env = Map.of("WARMY_WEBHOOKS_LEASE_SECONDS", "15");
        ServerProcess first = node("a", db, env);
        String key = first.printedLiveKey().orElseThrow();
        AtomicReferenceArray<ServerProcess> nodes = new AtomicReferenceArray<>(new ServerProcess[] {
                first, node("b", db, env), node("c", db, env)});

        String ws = json.readTree(rest(first, "GET", "/api/v1/workspace", key, null).body()).get("id").asText();
        assertThat(rest(first, "POST", "/api/v1/webhooks", key, "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hooks\",\"events\":[\"*\"]}").statusCode()).isEqualTo(201);
        JsonNode mailbox = json.readTree(rest(first, "POST", "/api/v1/mailboxes", key,
                "{\"email\":\"sales@cluster.example\",\"provider\":\"google\"}").body());
        String mbx = mailbox.get("id").asText();

        Map<Integer, ManagedChannel> channels = new ConcurrentHashMap<>();
        Function<ServerProcess, EventIngestServiceGrpc.EventIngestServiceBlockingStub> ingest = node ->
                EventIngestServiceGrpc.newBlockingStub(channels.computeIfAbsent(node.grpcPort(), port -> {
                    ManagedChannel c = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
                    toClose.add(() -> c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
                    return c;
                })).withDeadlineAfter(10, TimeUnit.SECONDS);

        // Each identity is reported twice, to two different nodes; a report that finds its node
        // down goes to the next one, as a client behind a load balancer would.
        Map<String, Set<String>> eventIdsByIdentity = new ConcurrentHashMap<>();
        AtomicInteger reported = new AtomicInteger();
        AtomicInteger failedOver = new AtomicInteger();
        Instant at = Instant.now().minusSeconds(60);
        List<Runnable> reports = new ArrayList<>();
        for (int i = 0; i < PROSPECTS; i++) {
            String prospect = "p" + i;
            String email = prospect + "@prospect.example";
            for (int copy = 0; copy < 2; copy++) {
                int preferred = (i + copy) % 3;
                String messageId = "<" + prospect + "." + copy + "@prospect.example>";
                reports.add(() -> report(nodes, preferred, ingest, failedOver, "reply/" + prospect, eventIdsByIdentity,
                        stub -> stub.reportReply(ReportReplyRequest.newBuilder().setWorkspaceId(ws)
                                .setMode(Mode.MODE_LIVE).setProspectId(prospect).setProspectEmail(email)
                                .setCampaignId("c1").setMailboxId(mbx).setSubject("Re: hello")
                                .setMessageId(messageId).setReceivedAt(ts(at)).build())));
                reports.add(() -> report(nodes, preferred + 1, ingest, failedOver, "open/" + prospect,
                        eventIdsByIdentity, stub -> stub.reportOpen(ReportOpenRequest.newBuilder().setWorkspaceId(ws)
                                .setMode(Mode.MODE_LIVE).setProspectId(prospect).setProspectEmail(email)
                                .setCampaignId("c1").setMailboxId(mbx).setStepIndex(0).setOpenedAt(ts(at)).build())));
                reports.add(() -> report(nodes, preferred + 2, ingest, failedOver, "click/" + prospect,
                        eventIdsByIdentity, stub -> stub.reportClick(ReportClickRequest.newBuilder().setWorkspaceId(ws)
                                .setMode(Mode.MODE_LIVE).setProspectId(prospect).setProspectEmail(email)
                                .setCampaignId("c1").setMailboxId(mbx).setStepIndex(0)
                                .setUrl("https://acme.example/" + prospect).setClickedAt(ts(at)).build())));
            }
        }

        int killAt = reports.size() / 2;
        int restartAt = reports.size() * 3 / 4;
        try (ExecutorService callers = Executors.newFixedThreadPool(12)) {
            List<Future<?>> sent = new ArrayList<>();
            for (Runnable r : reports) {
                sent.add(callers.submit(() -> {
                    r.run();
                    int n = reported.incrementAndGet();
                    if (n == killAt) {
                        killAndLater(nodes);
                    } else if (n == restartAt) {
                        restart(nodes, db, env);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        assertThat(nodes.get(1).isReady()).as("the killed node is back").isTrue();

        // Dedup held across nodes and the crash: one event per identity, whichever node each report reached.
        assertThat(eventIdsByIdentity).hasSize(3 * PROSPECTS);
        assertThat(eventIdsByIdentity.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        Set<String> expected = new HashSet<>();
        eventIdsByIdentity.values().forEach(expected::addAll);

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!arrivals.keySet().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000); // let any late repeat arrive before counting
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(arrivals.keySet());
        assertThat(missing).as("events never delivered").isEmpty();

        Set<String> unexpected = new HashSet<>(arrivals.keySet());
        unexpected.removeAll(expected);
        // Besides the signals' events, only mailbox.connected was made.
        assertThat(unexpected).hasSize(1);
        assertThat(arrivalTypes).filteredOn("mailbox.connected"::equals).isNotEmpty();

        int delivered = arrivals.values().stream().mapToInt(AtomicInteger::get).sum();
        int repeated = delivered - arrivals.size();
        assertThat(repeated).as("deliveries repeated: at most those in flight on the killed node")
                .isLessThanOrEqualTo(SENDERS_PER_NODE);
        Files.writeString(Path.of("target", "cluster-crash.txt"), String.format(
                "reports=%d events=%d delivered=%d distinct=%d repeated=%d lost=%d failed-over=%d%n",
                reports.size(), expected.size() + 1, delivered, arrivals.size(), repeated, missing.size(),
                failedOver.get()));
    }

    private void report(AtomicReferenceArray<ServerProcess> nodes, int preferred,
                        Function<ServerProcess, EventIngestServiceGrpc.EventIngestServiceBlockingStub> ingest,
                        AtomicInteger failedOver, String identity, Map<String, Set<String>> eventIds,
                        Function<EventIngestServiceGrpc.EventIngestServiceBlockingStub, ReportResponse> call) {
        StatusRuntimeException last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            ServerProcess node = nodes.get((preferred + attempt) % 3);
            try {
                ReportResponse response = call.apply(ingest.apply(node));
                eventIds.computeIfAbsent(identity, k -> ConcurrentHashMap.newKeySet()).add(response.getEventId());
                return;
            } catch (StatusRuntimeException e) {
                last = e;
                failedOver.incrementAndGet();
            }
        }
        throw new AssertionError("report of " + identity + " failed on every node", last);
    }

    private final Map<String, Integer> restarts = new HashMap<>();

    private void killAndLater(AtomicReferenceArray<ServerProcess> nodes) {
        try {
            nodes.get(1).kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void restart(AtomicReferenceArray<ServerProcess> nodes, DatabaseSettings db, Map<String, String> env) {
        synchronized (restarts) {
            int n = restarts.merge("b", 1, Integer::sum);
            nodes.set(1, node("b" + n, db, env));
        }
    }

    private ServerProcess node(String name, DatabaseSettings db, Map<String, String> env) {
        ServerProcess node = ServerProcess.start(name, db, work.resolve(name), env);
        synchronized (toClose) {
            toClose.add(node);
        }
        return node;
    }

    private HttpResponse<String> rest(ServerProcess node, String method, String path, String key, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(node.uri(path)).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
