package io.warmy.app;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.DenyReason;
import io.warmy.proto.v1.MailboxServiceGrpc;
import io.warmy.proto.v1.MintLinksRequest;
import io.warmy.proto.v1.MintLinksResponse;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.ReserveSendRequest;
import io.warmy.proto.v1.SendingServiceGrpc;
import io.warmy.proto.v1.TrackingServiceGrpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign email built from MintLinks, its links followed by a real HTTP client: exactly the
 * open, click and unsubscribe events the webhook reference describes, and no crafted link
 * redirects anywhere.
 */
class TrackingEndToEndTest {

    @TempDir
    Path dataDir;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String url, String userAgent) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", userAgent).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String json, String type) {
        return json.split("\"type\":\"" + type + "\"", -1).length - 1;
    }

    @Test
    void aCampaignEmailsLinksMakeExactlyTheEventsTheyShouldAndNoForgedLinkRedirects() throws Exception {
        WarmyConfig config = new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.empty(), "", "",
                4, dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS);
        try (Warmy warmy = Warmy.start(config, Clock.system())) {
            CreateApiKey.Issued live = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst();
            String ws = live.key().workspaceId().value();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", warmy.grpcPort()).usePlaintext().build();
            try {
                String mbx = MailboxServiceGrpc.newBlockingStub(channel).connect(ConnectMailboxRequest.newBuilder()
                        .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setEmail("sales@acme.example")
                        .setProvider(Provider.PROVIDER_GOOGLE).build()).getId();
                MintLinksResponse links = TrackingServiceGrpc.newBlockingStub(channel).mintLinks(MintLinksRequest.newBuilder()
                        .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p-7")
                        .setProspectEmail("anna@prospect.example").setCampaignId("spring").setMailboxId(mbx).setStepIndex(1)
                        .addUrls("https://acme.example/pricing").addUrls("https://acme.example/demo").build());
                assertThat(links.getPixelUrl()).startsWith("http://localhost:" + warmy.httpPort() + "/t/o/");
                assertThat(links.getListUnsubscribe()).isEqualTo("<" + links.getUnsubscribeUrl() + ">");
                assertThat(links.getListUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");

                String person = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
                for (int i = 0; i < 2; i++) {
                    HttpResponse<String> pixel = get(links.getPixelUrl(), person);
                    assertThat(pixel.statusCode()).isEqualTo(200);
                    assertThat(pixel.headers().firstValue("Content-Type")).contains("image/gif");
                    for (var tracked : links.getTrackedUrlsList()) {
                        HttpResponse<String> click = get(tracked.getTrackedUrl(), person);
                        assertThat(click.statusCode()).isEqualTo(302);
                        assertThat(click.headers().firstValue("Location")).contains(tracked.getUrl());
                    }
                }

                String forged = links.getTrackedUrls(0).getTrackedUrl();
                int at = forged.lastIndexOf('/') + 5;
                forged = forged.substring(0, at) + (forged.charAt(at) == 'A' ? 'B' : 'A') + forged.substring(at + 1);
                HttpResponse<String> refused = get(forged, person);
                assertThat(refused.statusCode()).isEqualTo(404);
                assertThat(refused.headers().firstValue("Location")).isEmpty();
                assertThat(get("http://localhost:" + warmy.httpPort() + "/t/c/x.y.z", person).statusCode()).isEqualTo(404);

                HttpResponse<String> page = get(links.getUnsubscribeUrl(), person);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("anna@prospect.example");
                for (int i = 0; i < 2; i++) {
                    HttpResponse<String> oneClick = browser.send(HttpRequest.newBuilder(URI.create(links.getUnsubscribeUrl()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(oneClick.statusCode()).isEqualTo(200);
                }

                assertThat(SendingServiceGrpc.newBlockingStub(channel).reserveSend(ReserveSendRequest.newBuilder()
                        .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mbx).setCampaignId("summer")
                        .setProspectEmail("anna@prospect.example").build()).getReason())
                        .isEqualTo(DenyReason.DENY_REASON_SUPPRESSED);

                String events = browser.send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + warmy.httpPort() + "/api/v1/events?limit=100"))
                        .header("Authorization", "Bearer " + live.secret()).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(count(events, "email.opened")).isEqualTo(1);
                assertThat(count(events, "email.clicked")).isEqualTo(2);
                assertThat(count(events, "email.unsubscribed")).isEqualTo(1);
                assertThat(count(events, "prospect.suppressed")).isEqualTo(1);
                assertThat(events).contains("\"url\":\"https://acme.example/pricing\"").contains("\"url\":\"https://acme.example/demo\"");
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
