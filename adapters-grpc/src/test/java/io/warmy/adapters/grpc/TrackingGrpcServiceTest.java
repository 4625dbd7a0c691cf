package io.warmy.adapters.grpc;

import io.grpc.Status;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.proto.v1.MintLinksRequest;
import io.warmy.proto.v1.MintLinksResponse;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.TrackedUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static io.warmy.adapters.grpc.GrpcFixture.failure;
import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** TrackingService over a real channel: the links of a campaign mail, minted as tokens that read back to their URLs. */
class TrackingGrpcServiceTest {

    private static final String CLICK_PATH = ServiceGraph.TRACKING_BASE_URL + "/t/c/";

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();
    private final String mailboxId = grpc.connect(ws, Mode.MODE_LIVE, "ana@acme.example").getId();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void mintingAnswersThePixelOneTrackedUrlPerLinkInOrderAndTheOneClickUnsubscribe() {
        List<String> urls = List.of("https://acme.example/pricing", "http://acme.example/demo?ref=mail",
                "https://acme.example/pricing");

        MintLinksResponse links = grpc.tracking().mintLinks(mint().addAllUrls(urls).build());

        assertThat(links.getPixelUrl()).startsWith(ServiceGraph.TRACKING_BASE_URL + "/t/o/");
        assertThat(links.getTrackedUrlsList()).extracting(TrackedUrl::getUrl).containsExactlyElementsOf(urls);
        assertThat(links.getTrackedUrlsList()).extracting(TrackedUrl::getTrackedUrl).allMatch(u -> u.startsWith(CLICK_PATH));
        assertThat(links.getUnsubscribeUrl()).startsWith(ServiceGraph.TRACKING_BASE_URL + "/");
        assertThat(links.getListUnsubscribe()).isEqualTo("<" + links.getUnsubscribeUrl() + ">");
        assertThat(links.getListUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void eachTrackedUrlReadsBackToItsOriginalUrl() {
        MintLinksResponse links = grpc.tracking().mintLinks(mint()
                .addUrls("https://acme.example/pricing").addUrls("http://acme.example/demo?ref=mail").build());

        for (TrackedUrl tracked : links.getTrackedUrlsList()) {
            String token = tracked.getTrackedUrl().substring(CLICK_PATH.length());
            assertThat(grpc.graph.tracking().click(token, "Mozilla/5.0 (X11) Firefox", "203.0.113.5"))
                    .contains(tracked.getUrl());
        }
    }

    @Test
    void aMailWithoutLinksStillGetsItsPixelAndUnsubscribe() {
        MintLinksResponse links = grpc.tracking().mintLinks(mint().build());

        assertThat(links.getTrackedUrlsList()).isEmpty();
        assertThat(links.getPixelUrl()).isNotEmpty();
        assertThat(links.getUnsubscribeUrl()).isNotEmpty();
    }

    @Test
    void aBadRequestNamesItsField() {
        invalid(() -> grpc.tracking().mintLinks(mint().setProspectId("").build()), "prospect_id");
        invalid(() -> grpc.tracking().mintLinks(mint().setProspectEmail("not-an-address").build()), "prospect_email");
        invalid(() -> grpc.tracking().mintLinks(mint().setCampaignId("").build()), "campaign_id");
        invalid(() -> grpc.tracking().mintLinks(mint().setStepIndex(-1).build()), "step_index");
        invalid(() -> grpc.tracking().mintLinks(mint().addUrls("https://acme.example/ok")
                .addUrls("javascript:alert(1)").build()), "urls");
        invalid(() -> grpc.tracking().mintLinks(mint()
                .addAllUrls(Collections.nCopies(101, "https://acme.example/")).build()), "urls");
        invalid(() -> grpc.tracking().mintLinks(mint().setMode(Mode.MODE_UNSPECIFIED).build()), "mode");
        invalid(() -> grpc.tracking().mintLinks(mint().setMailboxId("mbx_x").build()), "mailbox_id");
    }

    @Test
    void aHundredUrlsAreAllowed() {
        MintLinksResponse links = grpc.tracking().mintLinks(mint()
                .addAllUrls(Collections.nCopies(100, "https://acme.example/")).build());

        assertThat(links.getTrackedUrlsCount()).isEqualTo(100);
    }

    @Test
    void anUnknownMailboxOrWorkspaceIsNotFound() {
        failure(() -> grpc.tracking().mintLinks(mint().setMailboxId("mbx_01KKTXZ98J3ZD5KEC1M9VP2THY").build()),
                Status.Code.NOT_FOUND);
        failure(() -> grpc.tracking().mintLinks(mint().setMode(Mode.MODE_SANDBOX).build()), Status.Code.NOT_FOUND);
        failure(() -> grpc.tracking().mintLinks(mint().setWorkspaceId("ws_01KKTXZ98J3ZD5KEC1M9VP2THY").build()),
                Status.Code.NOT_FOUND);
    }

    private MintLinksRequest.Builder mint() {
        return MintLinksRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_1")
                .setProspectEmail("bob@prospect.example").setCampaignId("c_1").setMailboxId(mailboxId).setStepIndex(2);
    }
}
