package io.warmy.app;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.application.common.port.out.Clock;
import io.warmy.proto.v1.AdminServiceGrpc;
import io.warmy.proto.v1.BounceType;
import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.CreateApiKeyRequest;
import io.warmy.proto.v1.CreateWorkspaceRequest;
import io.warmy.proto.v1.DenyReason;
import io.warmy.proto.v1.DisconnectMailboxRequest;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.MailboxServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.ReportBounceRequest;
import io.warmy.proto.v1.ReportClickRequest;
import io.warmy.proto.v1.ReportOpenRequest;
import io.warmy.proto.v1.ReportReplyRequest;
import io.warmy.proto.v1.ReportResponse;
import io.warmy.proto.v1.ReportUnsubscribeRequest;
import io.warmy.proto.v1.ReserveSendRequest;
import io.warmy.proto.v1.ReserveSendResponse;
import io.warmy.proto.v1.SendingServiceGrpc;
import io.warmy.proto.v1.SuppressRequest;
import io.warmy.proto.v1.SuppressionServiceGrpc;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client that knows only the .proto files drives the whole server over a real socket: it makes
 * a workspace and a key, connects a mailbox, reports every kind of signal, sends to the daily
 * limit and suppresses an address; the public REST API then lists every resulting event once, and
 * a webhook subscribed to everything receives every one of them.
 */
class GrpcEndToEndTest {

    @TempDir
    Path dataDir;

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    @Test
    void everyEventTheIngestApiCanCauseIsRecordedOnceAndListedOverRest() throws Exception {
        WarmyConfig config = new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.empty(), "", "",
                4, dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS);
        try (Warmy warmy = Warmy.start(config, Clock.system())) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", warmy.grpcPort()).usePlaintext().build();
            try {
                var admin = AdminServiceGrpc.newBlockingStub(channel);
                String ws = admin.createWorkspace(CreateWorkspaceRequest.newBuilder().setName("acme").build()).getId();
                String key = admin.createApiKey(CreateApiKeyRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setName("dashboard").setAdmin(true).build()).getKey();

                HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                List<String> delivered = new CopyOnWriteArrayList<>();
                receiver.createContext("/hooks", exchange -> {
                    delivered.add(exchange.getRequestHeaders().getFirst("X-Warmy-Event-Type"));
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                receiver.start();
                HttpResponse<String> hook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + warmy.httpPort() + "/api/v1/webhooks"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:"
                                + receiver.getAddress().getPort() + "/hooks\",\"events\":[\"*\"]}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(hook.statusCode()).isEqualTo(201);

                var mailboxes = MailboxServiceGrpc.newBlockingStub(channel);
                String mbx = mailboxes.connect(ConnectMailboxRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setEmail("sales@acme.example").setProvider(Provider.PROVIDER_GOOGLE).setDailyLimit(2).build()).getId();

                var ingest = EventIngestServiceGrpc.newBlockingStub(channel);
                Instant now = Instant.now().minusSeconds(1);
                ReportClickRequest click = ReportClickRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setProspectId("p1").setProspectEmail("anna@prospect.example").setCampaignId("c1").setMailboxId(mbx)
                        .setStepIndex(1).setUrl("https://acme.example/pricing").setClickedAt(ts(now)).build();
                ReportResponse first = ingest.reportClick(click);
                ReportResponse again = ingest.reportClick(click);
                assertThat(first.getDuplicate()).isFalse();
                assertThat(again.getDuplicate()).isTrue();
                assertThat(again.getEventId()).isEqualTo(first.getEventId());

                ingest.reportReply(ReportReplyRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setProspectId("p1").setProspectEmail("anna@prospect.example").setCampaignId("c1").setMailboxId(mbx)
                        .setSubject("Re: pricing").setMessageId("<r1@prospect.example>").setReceivedAt(ts(now)).build());
                ingest.reportOpen(ReportOpenRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setProspectId("p1").setProspectEmail("anna@prospect.example").setCampaignId("c1").setMailboxId(mbx)
                        .setStepIndex(0).setOpenedAt(ts(now)).build());
                ingest.reportBounce(ReportBounceRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setProspectId("p2").setProspectEmail("bob@prospect.example").setCampaignId("c1").setMailboxId(mbx)
                        .setBounceType(BounceType.BOUNCE_TYPE_HARD).setBounceReason("550 5.1.1").setBouncedAt(ts(now)).build());
                ingest.reportUnsubscribe(ReportUnsubscribeRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setProspectId("p3").setProspectEmail("carol@prospect.example").setCampaignId("c1")
                        .setUnsubscribedAt(ts(now)).build());
                SuppressionServiceGrpc.newBlockingStub(channel).suppress(SuppressRequest.newBuilder().setWorkspaceId(ws)
                        .setMode(Mode.MODE_LIVE).setEmail("dave@prospect.example").build());

                var sending = SendingServiceGrpc.newBlockingStub(channel);
                ReserveSendRequest.Builder send = ReserveSendRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setMailboxId(mbx).setCampaignId("c1");
                assertThat(sending.reserveSend(send.setProspectEmail("e1@prospect.example").build()).getAllowed()).isTrue();
                assertThat(sending.reserveSend(send.setProspectEmail("e2@prospect.example").build()).getAllowed()).isTrue();
                ReserveSendResponse third = sending.reserveSend(send.setProspectEmail("e3@prospect.example").build());
                assertThat(third.getReason()).isEqualTo(DenyReason.DENY_REASON_DAILY_MAILBOX);
                assertThat(sending.reserveSend(send.setProspectEmail("bob@prospect.example").build()).getReason())
                        .as("the hard bounce suppressed bob").isEqualTo(DenyReason.DENY_REASON_SUPPRESSED);

                mailboxes.disconnect(DisconnectMailboxRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setMailboxId(mbx).setReason("auth_revoked").build());

                assertThatThrownBy(() -> ingest.reportClick(click.toBuilder().setClickedAt(ts(Instant.now().plusSeconds(86_400))).build()))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                            assertThat(e.getStatus().getDescription()).contains("clicked_at");
                        });

                HttpResponse<String> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + warmy.httpPort() + "/api/v1/events?limit=100"))
                        .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(events.statusCode()).isEqualTo(200);
                String body = events.body();
                for (String type : new String[]{"mailbox.connected", "mailbox.disconnected", "reply.received",
                        "email.bounced", "email.unsubscribed", "email.opened", "email.clicked", "limit.hit"}) {
                    assertThat(body).as(type).containsOnlyOnce("\"type\":\"" + type + "\"");
                }
                assertThat(body.split("\"type\":\"prospect.suppressed\"", -1)).as("bounce, unsubscribe, manual").hasSize(4);
                assertThat(body).contains("\"id\":\"" + first.getEventId() + "\"");

                // Subscribed with ["*"]: every one of those events reaches the receiver.
                int stored = body.split("\"type\":\"", -1).length - 1;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (delivered.size() < stored && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                receiver.stop(0);
                assertThat(delivered).hasSize(stored).contains("mailbox.connected", "mailbox.disconnected",
                        "reply.received", "email.bounced", "email.unsubscribed", "email.opened", "email.clicked",
                        "limit.hit", "prospect.suppressed");
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theInternalApiRefusesToListenBeyondThisMachineWithoutAToken() {
        WarmyConfig exposed = new WarmyConfig("127.0.0.1", 0, "0.0.0.0", 0, Optional.empty(), Optional.empty(), "", "",
                4, dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS);
        assertThatThrownBy(() -> Warmy.start(exposed, Clock.system()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WARMY_GRPC_TOKEN");
    }
}
