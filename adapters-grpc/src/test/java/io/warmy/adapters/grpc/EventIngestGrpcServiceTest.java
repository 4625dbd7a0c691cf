package io.warmy.adapters.grpc;

import io.grpc.Status;
import io.warmy.proto.v1.BounceType;
import io.warmy.proto.v1.CheckSuppressionRequest;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.ReportBounceRequest;
import io.warmy.proto.v1.ReportClickRequest;
import io.warmy.proto.v1.ReportOpenRequest;
import io.warmy.proto.v1.ReportReplyRequest;
import io.warmy.proto.v1.ReportResponse;
import io.warmy.proto.v1.ReportUnsubscribeRequest;
import io.warmy.proto.v1.SuppressionReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.warmy.adapters.grpc.GrpcFixture.failure;
import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static io.warmy.adapters.grpc.GrpcFixture.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EventIngestService over a real channel: each report makes its event once, a repeat answers the
 * same event as a duplicate, the variation its rule counts as new makes a new one, and the
 * suppression side effects follow.
 */
class EventIngestGrpcServiceTest {

    private static final Instant EARLIER = GrpcFixture.START.minus(Duration.ofHours(30));
    private static final String EVENT_ID = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();
    private final String mailboxId = grpc.connect(ws, Mode.MODE_LIVE, "ana@acme.example").getId();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void aReplyIsOneEventPerProspectPerCampaign() {
        ReportResponse first = grpc.events().reportReply(reply().build());
        assertThat(first.getEventId()).matches(EVENT_ID);
        assertThat(first.getDuplicate()).isFalse();

        ReportResponse again = grpc.events().reportReply(reply().setMessageId("<other@acme>")
                .setReceivedAt(timestamp(EARLIER.plus(Duration.ofHours(5)))).build());
        assertThat(again).isEqualTo(first.toBuilder().setDuplicate(true).build());

        ReportResponse otherCampaign = grpc.events().reportReply(reply().setCampaignId("c_2").build());
        assertThat(otherCampaign.getDuplicate()).isFalse();
        assertThat(otherCampaign.getEventId()).isNotEqualTo(first.getEventId());
    }

    @Test
    void aBounceIsOneEventPerProspectPerCampaignPerDay() {
        ReportResponse first = grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_SOFT).build());
        assertThat(first.getDuplicate()).isFalse();

        ReportResponse sameDay = grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_SOFT)
                .setBouncedAt(timestamp(EARLIER.plus(Duration.ofMinutes(10)))).build());
        assertThat(sameDay).isEqualTo(first.toBuilder().setDuplicate(true).build());

        ReportResponse nextDay = grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_SOFT)
                .setBouncedAt(timestamp(EARLIER.plus(Duration.ofDays(1)))).build());
        assertThat(nextDay.getDuplicate()).isFalse();
        assertThat(nextDay.getEventId()).isNotEqualTo(first.getEventId());
    }

    @Test
    void aHardBounceSuppressesTheAddressAndASoftOneDoesNot() {
        grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_SOFT).build());
        assertThat(checked("bob@prospect.example").getSuppressed()).isFalse();

        grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_HARD).setCampaignId("c_2").build());
        var check = checked("bob@prospect.example");
        assertThat(check.getSuppressed()).isTrue();
        assertThat(check.getSuppression().getReason()).isEqualTo(SuppressionReason.SUPPRESSION_REASON_BOUNCE);
        assertThat(check.getSuppression().getProspectId()).isEqualTo("p_42");
    }

    @Test
    void anUnsubscribeIsOneEventPerProspectPerCampaignAndSuppressesTheAddress() {
        ReportResponse first = grpc.events().reportUnsubscribe(unsubscribe().build());
        assertThat(first.getDuplicate()).isFalse();

        ReportResponse again = grpc.events().reportUnsubscribe(unsubscribe()
                .setUnsubscribedAt(timestamp(EARLIER.plus(Duration.ofDays(1)))).build());
        assertThat(again).isEqualTo(first.toBuilder().setDuplicate(true).build());

        ReportResponse otherCampaign = grpc.events().reportUnsubscribe(unsubscribe().setCampaignId("c_2").build());
        assertThat(otherCampaign.getDuplicate()).isFalse();
        assertThat(otherCampaign.getEventId()).isNotEqualTo(first.getEventId());

        var check = checked("bob@prospect.example");
        assertThat(check.getSuppressed()).isTrue();
        assertThat(check.getSuppression().getReason()).isEqualTo(SuppressionReason.SUPPRESSION_REASON_UNSUBSCRIBE);
    }

    @Test
    void anOpenIsOneEventPerProspectPerCampaignTheFirstOpen() {
        ReportResponse first = grpc.events().reportOpen(open().build());
        assertThat(first.getDuplicate()).isFalse();

        ReportResponse laterOpen = grpc.events().reportOpen(open().setStepIndex(2)
                .setOpenedAt(timestamp(EARLIER.plus(Duration.ofDays(1)))).build());
        assertThat(laterOpen).isEqualTo(first.toBuilder().setDuplicate(true).build());

        ReportResponse otherCampaign = grpc.events().reportOpen(open().setCampaignId("c_2").build());
        assertThat(otherCampaign.getDuplicate()).isFalse();
        assertThat(otherCampaign.getEventId()).isNotEqualTo(first.getEventId());
    }

    @Test
    void aClickIsOneEventPerUrlPerProspectPerDay() {
        ReportResponse first = grpc.events().reportClick(click().build());
        assertThat(first.getDuplicate()).isFalse();

        ReportResponse sameDay = grpc.events().reportClick(click()
                .setClickedAt(timestamp(EARLIER.plus(Duration.ofMinutes(30)))).build());
        assertThat(sameDay).isEqualTo(first.toBuilder().setDuplicate(true).build());

        ReportResponse otherUrl = grpc.events().reportClick(click().setUrl("https://acme.example/demo").build());
        assertThat(otherUrl.getDuplicate()).isFalse();

        ReportResponse nextDay = grpc.events().reportClick(click()
                .setClickedAt(timestamp(EARLIER.plus(Duration.ofDays(1)))).build());
        assertThat(nextDay.getDuplicate()).isFalse();

        assertThat(java.util.Set.of(first.getEventId(), otherUrl.getEventId(), nextDay.getEventId())).hasSize(3);
    }

    @Test
    void aReportForAnotherModeIsAnotherEvent() {
        String sandboxMailbox = grpc.connect(ws, Mode.MODE_SANDBOX, "ana@acme.example").getId();
        ReportResponse live = grpc.events().reportClick(click().build());

        ReportResponse sandbox = grpc.events().reportClick(click().setMode(Mode.MODE_SANDBOX)
                .setMailboxId(sandboxMailbox).build());

        assertThat(sandbox.getDuplicate()).isFalse();
        assertThat(sandbox.getEventId()).isNotEqualTo(live.getEventId());
    }

    @Test
    void aTimeFarInTheFutureIsInvalidArgumentNamingItsField() {
        Instant future = GrpcFixture.START.plus(Duration.ofHours(1));

        var e = invalid(() -> grpc.events().reportClick(click().setClickedAt(timestamp(future)).build()), "clicked_at");
        assertThat(e.getStatus().getDescription()).doesNotContain("clickedAt");
        invalid(() -> grpc.events().reportReply(reply().setReceivedAt(timestamp(future)).build()), "received_at");

        // within the allowed clock skew it is recorded
        assertThat(grpc.events().reportClick(click()
                .setClickedAt(timestamp(GrpcFixture.START.plus(Duration.ofMinutes(4)))).build()).getDuplicate()).isFalse();
    }

    @Test
    void aMissingTimeIsInvalidArgumentNamingItsField() {
        invalid(() -> grpc.events().reportOpen(open().clearOpenedAt().build()), "opened_at");
        invalid(() -> grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_HARD).clearBouncedAt().build()), "bounced_at");
        invalid(() -> grpc.events().reportUnsubscribe(unsubscribe().clearUnsubscribedAt().build()), "unsubscribed_at");
    }

    @Test
    void malformedOrMissingFieldsAreInvalidArgumentInSnakeCase() {
        invalid(() -> grpc.events().reportClick(click().setProspectEmail("bob@").build()), "prospect_email");
        invalid(() -> grpc.events().reportClick(click().setProspectId("").build()), "prospect_id");
        invalid(() -> grpc.events().reportClick(click().setUrl("ftp://acme.example/x").build()), "url");
        invalid(() -> grpc.events().reportClick(click().setStepIndex(-1).build()), "step_index");
        invalid(() -> grpc.events().reportReply(reply().setMessageId("").build()), "message_id");
        invalid(() -> grpc.events().reportClick(click().setMailboxId("mailbox-1").build()), "mailbox_id");
        invalid(() -> grpc.events().reportClick(click().setClickedAt(
                com.google.protobuf.Timestamp.newBuilder().setSeconds(1_800_000_000L).setNanos(-1).build()).build()),
                "clicked_at");
    }

    @Test
    void aMissingOrUnknownBounceTypeIsInvalidArgument() {
        invalid(() -> grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_UNSPECIFIED).build()), "bounce_type");
        invalid(() -> grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_HARD).setBounceTypeValue(7).build()),
                "bounce_type");
        assertThat(checked("bob@prospect.example").getSuppressed()).isFalse();
    }

    @Test
    void aReportNamingAnUnknownMailboxIsNotFoundAndRecordsNothing() {
        var e = failure(() -> grpc.events().reportBounce(bounce(BounceType.BOUNCE_TYPE_HARD)
                .setMailboxId("mbx_01KKTXZ98J3ZD5KEC1M9VP2THY").build()), Status.Code.NOT_FOUND);
        assertThat(GrpcFixture.reason(e)).contains("mailbox_not_found");

        assertThat(checked("bob@prospect.example").getSuppressed()).isFalse();
    }

    private ReportReplyRequest.Builder reply() {
        return ReportReplyRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_42")
                .setProspectEmail("bob@prospect.example").setCampaignId("c_1").setMailboxId(mailboxId)
                .setSubject("Re: our call").setMessageId("<r1@prospect.example>").setReceivedAt(timestamp(EARLIER));
    }

    private ReportBounceRequest.Builder bounce(BounceType type) {
        return ReportBounceRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_42")
                .setProspectEmail("Bob@Prospect.example").setCampaignId("c_1").setMailboxId(mailboxId)
                .setBounceType(type).setBounceReason("550 5.1.1 user unknown").setBouncedAt(timestamp(EARLIER));
    }

    private ReportUnsubscribeRequest.Builder unsubscribe() {
        return ReportUnsubscribeRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_42")
                .setProspectEmail("bob@prospect.example").setCampaignId("c_1").setUnsubscribedAt(timestamp(EARLIER));
    }

    private ReportOpenRequest.Builder open() {
        return ReportOpenRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_42")
                .setProspectEmail("bob@prospect.example").setCampaignId("c_1").setMailboxId(mailboxId)
                .setStepIndex(1).setOpenedAt(timestamp(EARLIER));
    }

    private ReportClickRequest.Builder click() {
        return ReportClickRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_42")
                .setProspectEmail("bob@prospect.example").setCampaignId("c_1").setMailboxId(mailboxId)
                .setStepIndex(1).setUrl("https://acme.example/pricing").setClickedAt(timestamp(EARLIER));
    }

    private io.warmy.proto.v1.CheckSuppressionResponse checked(String email) {
        return grpc.suppressions().check(CheckSuppressionRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setEmail(email).build());
    }
}
