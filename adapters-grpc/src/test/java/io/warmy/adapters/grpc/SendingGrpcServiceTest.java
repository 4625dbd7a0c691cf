package io.warmy.adapters.grpc;

import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.DenyReason;
import io.warmy.proto.v1.DisconnectMailboxRequest;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.PauseWarmupRequest;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.ReserveSendRequest;
import io.warmy.proto.v1.ReserveSendResponse;
import io.warmy.proto.v1.SuppressRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.warmy.adapters.grpc.GrpcFixture.failure;
import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** SendingService over a real channel: leave to send, counted per day, and each reason to refuse it. */
class SendingGrpcServiceTest {

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();
    private final String mailboxId = grpc.mailboxes().connect(ConnectMailboxRequest.newBuilder()
            .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setEmail("ana@acme.example")
            .setProvider(Provider.PROVIDER_GOOGLE).setDailyLimit(3).build()).getId();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void aSendIsAllowedAndCountedForTheMailboxAndItsDomain() {
        ReserveSendResponse first = grpc.sending().reserveSend(reserve("bob@prospect.example").build());

        assertThat(first.getAllowed()).isTrue();
        assertThat(first.getReason()).isEqualTo(DenyReason.DENY_REASON_UNSPECIFIED);
        assertThat(first.getMailboxSentToday()).isEqualTo(1);
        assertThat(first.getDomainSentToday()).isEqualTo(1);

        ReserveSendResponse second = grpc.sending().reserveSend(reserve("eve@prospect.example").setProspectId("").build());
        assertThat(second.getMailboxSentToday()).isEqualTo(2);
    }

    @Test
    void theSendAfterTheMailboxDailyLimitIsDeniedUntilTheNextDay() {
        for (int i = 1; i <= 3; i++) {
            assertThat(grpc.sending().reserveSend(reserve("p" + i + "@prospect.example").build()).getAllowed()).isTrue();
        }

        ReserveSendResponse fourth = grpc.sending().reserveSend(reserve("p4@prospect.example").build());
        assertThat(fourth.getAllowed()).isFalse();
        assertThat(fourth.getReason()).isEqualTo(DenyReason.DENY_REASON_DAILY_MAILBOX);
        assertThat(fourth.getMailboxSentToday()).isEqualTo(3);

        grpc.clock.advance(Duration.ofDays(1));
        assertThat(grpc.sending().reserveSend(reserve("p4@prospect.example").build()).getAllowed()).isTrue();
    }

    @Test
    void aSuppressedRecipientIsDeniedAndNotCounted() {
        grpc.suppressions().suppress(SuppressRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                .setEmail("bob@prospect.example").build());

        ReserveSendResponse denied = grpc.sending().reserveSend(reserve(" BOB@prospect.example").build());

        assertThat(denied.getAllowed()).isFalse();
        assertThat(denied.getReason()).isEqualTo(DenyReason.DENY_REASON_SUPPRESSED);
        assertThat(denied.getMailboxSentToday()).isZero();
    }

    @Test
    void aPausedMailboxIsDenied() {
        grpc.warmup().pause(PauseWarmupRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build());

        ReserveSendResponse denied = grpc.sending().reserveSend(reserve("bob@prospect.example").build());

        assertThat(denied.getAllowed()).isFalse();
        assertThat(denied.getReason()).isEqualTo(DenyReason.DENY_REASON_MAILBOX_PAUSED);
    }

    @Test
    void aDisconnectedMailboxIsDenied() {
        grpc.mailboxes().disconnect(DisconnectMailboxRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build());

        ReserveSendResponse denied = grpc.sending().reserveSend(reserve("bob@prospect.example").build());

        assertThat(denied.getAllowed()).isFalse();
        assertThat(denied.getReason()).isEqualTo(DenyReason.DENY_REASON_DISCONNECTED);
    }

    @Test
    void aBadRequestNamesItsFieldAndAnUnknownMailboxIsNotFound() {
        invalid(() -> grpc.sending().reserveSend(reserve("not-an-address").build()), "prospect_email");
        invalid(() -> grpc.sending().reserveSend(reserve("bob@prospect.example").setCampaignId("").build()),
                "campaign_id");
        invalid(() -> grpc.sending().reserveSend(reserve("bob@prospect.example").setMailboxId("mbx_x").build()),
                "mailbox_id");
        failure(() -> grpc.sending().reserveSend(reserve("bob@prospect.example")
                .setMailboxId("mbx_01KKTXZ98J3ZD5KEC1M9VP2THY").build()), io.grpc.Status.Code.NOT_FOUND);

        assertThat(grpc.sending().reserveSend(reserve("bob@prospect.example").build()).getMailboxSentToday())
                .isEqualTo(1);
    }

    private ReserveSendRequest.Builder reserve(String email) {
        return ReserveSendRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId)
                .setCampaignId("c_1").setProspectId("p_1").setProspectEmail(email);
    }
}
