package io.warmy.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.proto.v1.AuthResult;
import io.warmy.proto.v1.AuthenticationResults;
import io.warmy.proto.v1.BounceType;
import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.MailboxServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Placement;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.ReportBounceRequest;
import io.warmy.proto.v1.ReportClickRequest;
import io.warmy.proto.v1.ReportOpenRequest;
import io.warmy.proto.v1.ReportPlacementRequest;
import io.warmy.proto.v1.ReportReplyRequest;
import io.warmy.proto.v1.ReportResponse;
import io.warmy.proto.v1.ReportUnsubscribeRequest;
import io.warmy.proto.v1.ReportWarmupReplyRequest;
import io.warmy.proto.v1.ReportWarmupSendRequest;
import io.warmy.proto.v1.ReserveSendRequest;
import io.warmy.proto.v1.SendingServiceGrpc;
import io.warmy.proto.v1.WarmupServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code warmy simulate}: drives a running server through the internal gRPC API with a
 * reproducible day-by-day model of a few mailboxes — warmup sends ramping up, placements with a
 * spam rate that improves, warmup replies, and campaign traffic with opens, repeated clicks,
 * replies, hard and soft bounces and unsubscribes, and on the last day sends until the daily
 * limit is hit — then prints the events made and deduplicated per type and each mailbox's health.
 * Past days are reported with their own dates (the server takes reports about the past), so the
 * stats and health of the last {@code --days} fill in; the same seed on a fresh workspace makes the
 * same events.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Drive a running server with a realistic, reproducible traffic model (demo and load generator).",
        footer = {"", "Needs the internal gRPC API (--grpc, default localhost:9090) and an API key of the workspace.",
                "", "Exit codes: 0 done, 1 the server refused or could not be reached, 2 usage error."})
public final class Simulate implements java.util.concurrent.Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Option(names = "--grpc", paramLabel = "HOST:PORT", defaultValue = "${env:WARMY_GRPC_TARGET:-localhost:9090}",
            description = "The internal gRPC API (default: ${DEFAULT-VALUE}).")
    String grpcTarget;

    @Option(names = "--grpc-token", paramLabel = "TOKEN", defaultValue = "${env:WARMY_GRPC_TOKEN}",
            description = "The gRPC API's shared token, when it requires one (default: $WARMY_GRPC_TOKEN).")
    String grpcToken;

    @Option(names = "--mailboxes", defaultValue = "3", description = "Mailboxes to simulate (1-100, default ${DEFAULT-VALUE}).")
    int mailboxes;

    @Option(names = "--days", defaultValue = "14", description = "Days to simulate, ending today (1-60, default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the model (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--concurrency", defaultValue = "8", description = "Mailboxes driven at once (1-64, default ${DEFAULT-VALUE}).")
    int concurrency;

    private static final int PROSPECTS_PER_DAY = 6;
    private static final int DAILY_LIMIT = 20;

    private final Map<String, long[]> signals = new ConcurrentHashMap<>(); // type -> {made, deduplicated}
    private final AtomicLong warmupReports = new AtomicLong();

    @Override
    public Integer call() throws Exception {
        if (!api.hasKey()) {
            return 2;
        }
        if (mailboxes < 1 || mailboxes > 100 || days < 1 || days > 60 || concurrency < 1 || concurrency > 64) {
            System.err.println("warmy: --mailboxes must be 1-100, --days 1-60 and --concurrency 1-64.");
            return 2;
        }
        ApiCall rest = api.call();
        JsonNode workspace = rest.get("/api/v1/workspace");
        String ws = workspace.get("id").asText();
        Mode mode = workspace.get("mode").asText().equals("sandbox") ? Mode.MODE_SANDBOX : Mode.MODE_LIVE;
        Instant startedAt = Instant.now();
        ManagedChannel channel = NettyChannelBuilder.forTarget(grpcTarget).usePlaintext().build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            Stubs stubs = new Stubs(channel, grpcToken);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < mailboxes; i++) {
                int m = i;
                ids.add(grpc(() -> stubs.mailboxes().connect(ConnectMailboxRequest.newBuilder().setWorkspaceId(ws)
                        .setMode(mode).setEmail("sim" + m + "@seed" + seed + ".example")
                        .setProvider(Provider.forNumber(1 + m % 3)).setDisplayName("Simulated " + m)
                        .setDailyLimit(DAILY_LIMIT).build())).getId());
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Progress progress = new Progress(days);
            for (int day = 0; day < days; day++) {
                LocalDate date = today.minusDays(days - 1L - day);
                boolean last = day == days - 1;
                List<Future<?>> running = new ArrayList<>();
                for (int m = 0; m < mailboxes; m++) {
                    int mailbox = m;
                    int dayIndex = day;
                    running.add(pool.submit(() -> {
                        simulateDay(stubs, ws, mode, ids.get(mailbox), mailbox, dayIndex, date, last);
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                progress.dayDone(day + 1);
            }
            progress.finish();
            printSummary(rest, ids, startedAt);
            return 0;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof ApiCall.Failure f) {
                throw f;
            }
            throw e;
        } finally {
            pool.shutdownNow();
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** One mailbox's day: its own random stream, so that the model does not depend on thread timing. */
    private void simulateDay(Stubs stubs, String ws, Mode mode, String mailboxId, int mailbox, int day, LocalDate date,
                             boolean last) throws ApiCall.Failure {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + mailbox * 10_007L + day);
        Instant morning = date.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(8));
        Instant cap = Instant.now().minusSeconds(5);
        // Warmup: volume ramps up; the spam rate starts high and improves.
        int volume = Math.min(2 + 2 * day, 40);
        double spamRate = Math.max(0.02, 0.30 - 0.03 * day);
        for (int i = 0; i < volume; i++) {
            String messageId = "sim-" + seed + "-" + mailbox + "-" + day + "-" + i;
            Instant sent = earliest(morning.plus(Duration.ofMinutes(7L * i)), cap);
            grpc(() -> stubs.warmup().reportWarmupSend(ReportWarmupSendRequest.newBuilder().setWorkspaceId(ws).setMode(mode)
                    .setMailboxId(mailboxId).setMessageId(messageId).setSentAt(ts(sent)).build()));
            double roll = random.nextDouble();
            Placement placement = roll < spamRate ? Placement.PLACEMENT_SPAM
                    : roll < spamRate + 0.05 ? Placement.PLACEMENT_PROMOTIONS : Placement.PLACEMENT_INBOX;
            Instant placed = earliest(sent.plus(Duration.ofMinutes(3)), cap);
            grpc(() -> stubs.warmup().reportPlacement(ReportPlacementRequest.newBuilder().setWorkspaceId(ws).setMode(mode)
                    .setMailboxId(mailboxId).setMessageId(messageId).setPlacement(placement).setPlacedAt(ts(placed))
                    .setAuthentication(AuthenticationResults.newBuilder().setSpf(AuthResult.AUTH_RESULT_PASS)
                            .setDkim(AuthResult.AUTH_RESULT_PASS).setDmarc(AuthResult.AUTH_RESULT_PASS))
                    .build()));
            warmupReports.addAndGet(2);
            if (random.nextDouble() < 0.3) {
                Instant replied = earliest(placed.plus(Duration.ofMinutes(20)), cap);
                grpc(() -> stubs.warmup().reportWarmupReply(ReportWarmupReplyRequest.newBuilder().setWorkspaceId(ws)
                        .setMode(mode).setMailboxId(mailboxId).setMessageId(messageId).setRepliedAt(ts(replied)).build()));
                warmupReports.incrementAndGet();
            }
        }
        // Campaign traffic: prospects of this mailbox and day.
        String campaign = "sim-campaign-" + mailbox;
        for (int p = 0; p < PROSPECTS_PER_DAY; p++) {
            String prospect = "sim-" + mailbox + "-" + day + "-" + p;
            String email = prospect + "@prospect.example";
            Instant at = earliest(morning.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(11L * p)), cap);
            if (random.nextDouble() < 0.6) {
                int opens = 1 + random.nextInt(3); // a first open, and repeats the rule folds into it
                for (int o = 0; o < opens; o++) {
                    signal("email.opened", grpc(() -> stubs.ingest().reportOpen(ReportOpenRequest.newBuilder()
                            .setWorkspaceId(ws).setMode(mode).setProspectId(prospect).setProspectEmail(email)
                            .setCampaignId(campaign).setMailboxId(mailboxId).setStepIndex(0).setOpenedAt(ts(at)).build())));
                }
            }
            if (random.nextDouble() < 0.35) {
                int clicks = 1 + random.nextInt(4); // repeated clicks on the same links
                for (int c = 0; c < clicks; c++) {
                    String url = "https://acme.example/" + (c % 2 == 0 ? "pricing" : "demo");
                    signal("email.clicked", grpc(() -> stubs.ingest().reportClick(ReportClickRequest.newBuilder()
                            .setWorkspaceId(ws).setMode(mode).setProspectId(prospect).setProspectEmail(email)
                            .setCampaignId(campaign).setMailboxId(mailboxId).setStepIndex(0).setUrl(url)
                            .setClickedAt(ts(at)).build())));
                }
            }
            double outcome = random.nextDouble();
            if (outcome < 0.12) {
                signal("reply.received", grpc(() -> stubs.ingest().reportReply(ReportReplyRequest.newBuilder()
                        .setWorkspaceId(ws).setMode(mode).setProspectId(prospect).setProspectEmail(email)
                        .setCampaignId(campaign).setMailboxId(mailboxId).setSubject("Re: a quick question")
                        .setMessageId("<" + prospect + "@prospect.example>").setReceivedAt(ts(at)).build())));
            } else if (outcome < 0.18) {
                BounceType type = random.nextBoolean() ? BounceType.BOUNCE_TYPE_HARD : BounceType.BOUNCE_TYPE_SOFT;
                signal("email.bounced", grpc(() -> stubs.ingest().reportBounce(ReportBounceRequest.newBuilder()
                        .setWorkspaceId(ws).setMode(mode).setProspectId(prospect).setProspectEmail(email)
                        .setCampaignId(campaign).setMailboxId(mailboxId).setBounceType(type)
                        .setBounceReason(type == BounceType.BOUNCE_TYPE_HARD ? "550 5.1.1 user unknown" : "452 4.2.2 mailbox full")
                        .setBouncedAt(ts(at)).build())));
            } else if (outcome < 0.21) {
                signal("email.unsubscribed", grpc(() -> stubs.ingest().reportUnsubscribe(ReportUnsubscribeRequest
                        .newBuilder().setWorkspaceId(ws).setMode(mode).setProspectId(prospect).setProspectEmail(email)
                        .setCampaignId(campaign).setUnsubscribedAt(ts(at)).build())));
            }
        }
        if (last) {
            // Today's campaign sends, a few past the mailbox's daily limit: limit.hit fires once.
            for (int s = 0; s < DAILY_LIMIT + 3; s++) {
                String prospect = "sim-" + mailbox + "-today-" + s;
                grpc(() -> stubs.sending().reserveSend(ReserveSendRequest.newBuilder().setWorkspaceId(ws).setMode(mode)
                        .setMailboxId(mailboxId).setCampaignId(campaign).setProspectId(prospect)
                        .setProspectEmail(prospect + "@prospect.example").build()));
            }
        }
    }

    private void signal(String type, ReportResponse response) {
        long[] counts = signals.computeIfAbsent(type, t -> new long[2]);
        synchronized (counts) {
            counts[response.getDuplicate() ? 1 : 0]++;
        }
    }

    private void printSummary(ApiCall rest, List<String> mailboxIds, Instant since) throws ApiCall.Failure {
        Map<String, Long> made = new TreeMap<>();
        String cursor = null;
        do {
            JsonNode page = rest.get("/api/v1/events?limit=100&since=" + since.truncatedTo(ChronoUnit.SECONDS)
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("data").forEach(e -> made.merge(e.get("type").asText(), 1L, Long::sum));
            cursor = page.path("hasMore").asBoolean() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        PrintStream out = System.out;
        out.printf("%n%-24s %8s %14s%n", "EVENT TYPE", "MADE", "DEDUPLICATED");
        java.util.Set<String> types = new java.util.TreeSet<>(made.keySet());
        types.addAll(signals.keySet());
        for (String type : types) {
            long[] counts = signals.getOrDefault(type, new long[2]);
            out.printf("%-24s %8d %14s%n", type, made.getOrDefault(type, 0L), signals.containsKey(type)
                    ? Long.toString(counts[1]) : "-");
        }
        out.printf("%nwarmup reports: %d%n%n%-32s %-6s %s%n", warmupReports.get(), "MAILBOX", "SCORE", "HEALTH");
        for (String id : mailboxIds) {
            JsonNode health = rest.get("/api/v1/mailboxes/" + id + "/health");
            out.printf("%-32s %-6s %s%n", id, health.get("score").isNull() ? "-" : health.get("score").asText(),
                    health.get("status").asText());
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private <T> T grpc(Supplier<T> call) throws ApiCall.Failure {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw new ApiCall.Failure(switch (e.getStatus().getCode()) {
                case UNAVAILABLE -> "cannot reach the gRPC API at " + grpcTarget + " (" + e.getStatus().getDescription()
                        + ") — is `./warmy serve` running?";
                case UNAUTHENTICATED -> "the gRPC API refused the call: set --grpc-token (or WARMY_GRPC_TOKEN).";
                default -> "the gRPC API refused a report (" + e.getStatus().getCode() + "): "
                        + e.getStatus().getDescription();
            });
        }
    }

    /** The gRPC stubs, with the shared token when one is given. */
    private record Stubs(MailboxServiceGrpc.MailboxServiceBlockingStub mailboxes,
                         WarmupServiceGrpc.WarmupServiceBlockingStub warmup,
                         EventIngestServiceGrpc.EventIngestServiceBlockingStub ingest,
                         SendingServiceGrpc.SendingServiceBlockingStub sending) {

        Stubs(ManagedChannel channel, String token) {
            this(with(MailboxServiceGrpc.newBlockingStub(channel), token), with(WarmupServiceGrpc.newBlockingStub(channel), token),
                    with(EventIngestServiceGrpc.newBlockingStub(channel), token),
                    with(SendingServiceGrpc.newBlockingStub(channel), token));
        }

        private static <S extends io.grpc.stub.AbstractStub<S>> S with(S stub, String token) {
            S deadlined = stub.withDeadlineAfter(10, TimeUnit.MINUTES);
            if (token == null || token.isBlank()) {
                return deadlined;
            }
            return deadlined.withCallCredentials(new CallCredentials() {
                @Override
                public void applyRequestMetadata(RequestInfo info, java.util.concurrent.Executor executor, MetadataApplier applier) {
                    Metadata headers = new Metadata();
                    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                    applier.apply(headers);
                }
            });
        }
    }

    /** A progress bar on a terminal, a line per day otherwise; on standard error, beside the summary on standard output. */
    private static final class Progress {
        private final int days;
        private final boolean terminal = System.console() != null;

        Progress(int days) {
            this.days = days;
        }

        void dayDone(int done) {
            if (terminal) {
                int width = 30;
                int filled = done * width / days;
                System.err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] day " + done + "/" + days);
            } else {
                System.err.println("simulated day " + done + "/" + days);
            }
        }

        void finish() {
            if (terminal) {
                System.err.println();
            }
        }
    }
}
