package io.warmy.app;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.proto.v1.AuthResult;
import io.warmy.proto.v1.AuthenticationResults;
import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.GetWarmupStatusRequest;
import io.warmy.proto.v1.MailboxServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Placement;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.ReportPlacementRequest;
import io.warmy.proto.v1.ReportWarmupReplyRequest;
import io.warmy.proto.v1.ReportWarmupSendRequest;
import io.warmy.proto.v1.UpdateWarmupSettingsRequest;
import io.warmy.proto.v1.WarmupServiceGrpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mailbox warmed for 45 simulated days through the gRPC report calls, on MariaDB, with the
 * server's clock moved a day at a time; the REST API then shows the plan, the stats and the health
 * a user would expect, and the event log holds each milestone and each band change once.
 */
class WarmupEndToEndTest {

    @TempDir
    Path dataDir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T08:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();

    private Timestamp ts() {
        Instant t = now.get();
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private String get(Warmy warmy, String path, String key) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static List<String> all(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    @Test
    void fortyFiveDaysOfWarmupShowThePlanStatsAndHealthAndFireEachMilestoneAndBandChangeOnce() throws Exception {
        DatabaseSettings db = TestDatabases.newMariaDb();
        WarmyConfig config = new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.of(db.jdbcUrl()),
                db.user(), db.password(), 4, dataDir, new WarmyConfig.Webhooks(false, true, false), WarmyConfig.Tracking.DEFAULTS);
        Clock clock = now::get;
        try (Warmy warmy = Warmy.start(config, clock)) {
            CreateApiKey.Issued live = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst();
            String ws = live.key().workspaceId().value();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", warmy.grpcPort()).usePlaintext().build();
            try {
                String mbx = MailboxServiceGrpc.newBlockingStub(channel).connect(ConnectMailboxRequest.newBuilder()
                        .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setEmail("sales@acme.example")
                        .setProvider(Provider.PROVIDER_GOOGLE).setDailyLimit(200).build()).getId();
                var warmup = WarmupServiceGrpc.newBlockingStub(channel);
                warmup.updateSettings(UpdateWarmupSettingsRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setMailboxId(mbx).setDailyTarget(20).setStartVolume(2).setRampUpPerDay(2).build());

                AuthenticationResults passing = AuthenticationResults.newBuilder().setSpf(AuthResult.AUTH_RESULT_PASS)
                        .setDkim(AuthResult.AUTH_RESULT_PASS).setDmarc(AuthResult.AUTH_RESULT_PASS).build();
                List<String> spamYesterday = new ArrayList<>();
                int message = 0;
                for (int day = 1; day <= 45; day++) {
                    var status = warmup.getStatus(GetWarmupStatusRequest.newBuilder().setWorkspaceId(ws)
                            .setMode(Mode.MODE_LIVE).setMailboxId(mbx).build());
                    assertThat(status.getDay()).isEqualTo(day);
                    assertThat(status.getPlannedToday()).isEqualTo(Math.min(2 + 2 * (day - 1), 20));
                    // The network rescues yesterday's spam placements this morning.
                    for (String id : spamYesterday) {
                        warmup.reportPlacement(ReportPlacementRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                                .setMailboxId(mbx).setMessageId(id).setPlacement(Placement.PLACEMENT_INBOX)
                                .setPlacedAt(ts()).build());
                    }
                    spamYesterday.clear();
                    for (int i = 0; i < status.getPlannedToday(); i++) {
                        String id = "<w" + (++message) + "@warmup.example>";
                        warmup.reportWarmupSend(ReportWarmupSendRequest.newBuilder().setWorkspaceId(ws)
                                .setMode(Mode.MODE_LIVE).setMailboxId(mbx).setMessageId(id).setSentAt(ts()).build());
                        boolean spam = day <= 8 && i % 4 == 0;
                        ReportPlacementRequest.Builder placed = ReportPlacementRequest.newBuilder().setWorkspaceId(ws)
                                .setMode(Mode.MODE_LIVE).setMailboxId(mbx).setMessageId(id).setPlacedAt(ts())
                                .setPlacement(spam ? Placement.PLACEMENT_SPAM : Placement.PLACEMENT_INBOX);
                        if (day >= 3) {
                            placed.setAuthentication(passing);
                        }
                        warmup.reportPlacement(placed.build());
                        if (spam) {
                            spamYesterday.add(id);
                        }
                        if (i % 3 == 0) {
                            warmup.reportWarmupReply(ReportWarmupReplyRequest.newBuilder().setWorkspaceId(ws)
                                    .setMode(Mode.MODE_LIVE).setMailboxId(mbx).setMessageId(id).setRepliedAt(ts()).build());
                        }
                        now.set(now.get().plusSeconds(30));
                    }
                    now.set(now.get().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)).plusSeconds(8 * 3600));
                }

                String key = live.secret();
                String status = get(warmy, "/api/v1/mailboxes/" + mbx + "/warmup", key);
                assertThat(status).contains("\"day\":46").contains("\"plannedToday\":20").contains("\"nextMilestone\":null");

                String stats = get(warmy, "/api/v1/mailboxes/" + mbx + "/stats", key);
                assertThat(all(stats, "date")).hasSize(30);
                // The last 30 days are warmup days 17 to 46, all at the target of 20 but for today (46).
                assertThat(stats).contains("\"totals\":{\"sent\":580,").contains("\"inboxRate\":1.0");

                String early = get(warmy, "/api/v1/mailboxes/" + mbx + "/stats?from=2026-03-02&to=2026-03-03", key);
                assertThat(early).contains("\"savedFromSpam\":1");

                String health = get(warmy, "/api/v1/mailboxes/" + mbx + "/health", key);
                assertThat(health).contains("\"status\":\"excellent\"").contains("\"score\":100");

                String milestones = get(warmy, "/api/v1/events?type=warmup.milestone&limit=100", key);
                assertThat(all(milestones, "milestone")).containsExactlyInAnyOrder("day_7", "day_14", "daily_target",
                        "day_30", "excellent_health");
                String changes = get(warmy, "/api/v1/events?type=warmup.health_changed&limit=100", key);
                List<String> from = all(changes, "previousStatus").reversed();
                List<String> to = all(changes, "status").reversed();
                assertThat(from).isNotEmpty().hasSameSizeAs(to);
                for (int i = 0; i < from.size(); i++) {
                    assertThat(from.get(i)).isNotEqualTo(to.get(i));
                    if (i > 0) {
                        assertThat(from.get(i)).isEqualTo(to.get(i - 1));
                    }
                }
                assertThat(from.getFirst()).isEqualTo("insufficient_data");
                assertThat(to.getLast()).isEqualTo("excellent");
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
