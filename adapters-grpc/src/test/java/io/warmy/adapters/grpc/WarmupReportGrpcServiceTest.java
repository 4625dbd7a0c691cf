package io.warmy.adapters.grpc;

import io.grpc.Status;
import io.warmy.application.warmup.port.in.GetStats;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.proto.v1.AuthResult;
import io.warmy.proto.v1.AuthenticationResults;
import io.warmy.proto.v1.GetWarmupStatusRequest;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Placement;
import io.warmy.proto.v1.ReportPlacementRequest;
import io.warmy.proto.v1.ReportWarmupReplyRequest;
import io.warmy.proto.v1.ReportWarmupSendRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static io.warmy.adapters.grpc.GrpcFixture.failure;
import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static io.warmy.adapters.grpc.GrpcFixture.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WarmupService's reports over a real channel: each counts once per message id, a placement can
 * move, sent_today follows the sends of today, and bad reports are refused naming their field.
 */
class WarmupReportGrpcServiceTest {

    private static final Instant NOW = GrpcFixture.START;
    private static final LocalDate TODAY = LocalDate.parse("2026-03-16");

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();
    private final String mailboxId = grpc.connect(ws, Mode.MODE_LIVE, "ana@example.com").getId();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void aSendIsCountedOnceAndARepeatAnswersNotCounted() {
        assertThat(grpc.warmup().reportWarmupSend(send("m-1").build()).getCounted()).isTrue();
        assertThat(grpc.warmup().reportWarmupSend(send("m-1").build()).getCounted()).isFalse();
        assertThat(grpc.warmup().reportWarmupSend(send("m-2").build()).getCounted()).isTrue();

        assertThat(today().sent()).isEqualTo(2);
    }

    @Test
    void aPlacementIsCountedOnceAndTheSamePlacementAgainChangesNothing() {
        assertThat(grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX).build()).getCounted()).isTrue();
        assertThat(grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setPlacedAt(timestamp(NOW.plusSeconds(1))).build()).getCounted()).isFalse();

        DailyStats day = today();
        assertThat(day.inbox()).isEqualTo(1);
        assertThat(day.complaints()).isZero();
    }

    @Test
    void aComplaintCountsOncePerMessageWhicheverReportCarriesIt() {
        grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX).build());
        assertThat(grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setPlacedAt(timestamp(NOW.plusSeconds(1))).setComplaint(true).build()).getCounted()).isTrue();
        assertThat(grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_SPAM)
                .setPlacedAt(timestamp(NOW.plusSeconds(2))).setComplaint(true).build()).getCounted()).isTrue();

        DailyStats day = today();
        assertThat(day.complaints()).isEqualTo(1);
        assertThat(day.spam()).isEqualTo(1);
        assertThat(day.inbox()).isZero();
    }

    @Test
    void aReplyIsCountedOnceAndARepeatAnswersNotCounted() {
        assertThat(grpc.warmup().reportWarmupReply(reply("m-1").build()).getCounted()).isTrue();
        assertThat(grpc.warmup().reportWarmupReply(reply("m-1").build()).getCounted()).isFalse();

        assertThat(today().replies()).isEqualTo(1);
    }

    @Test
    void aPlacementMovedFromSpamToTheInboxCountsInTheInboxAsSavedFromSpam() {
        grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_SPAM).build());
        grpc.clock.advance(Duration.ofDays(1));

        assertThat(grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setPlacedAt(timestamp(grpc.clock.now())).build()).getCounted()).isTrue();
        assertThat(grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setPlacedAt(timestamp(grpc.clock.now())).build()).getCounted()).isFalse();

        DailyStats placedOn = stats(TODAY, TODAY.plusDays(1)).daily().getFirst();
        assertThat(placedOn.spam()).isZero();
        assertThat(placedOn.inbox()).isEqualTo(1);
        assertThat(placedOn.savedFromSpam()).isEqualTo(1);
        assertThat(stats(TODAY, TODAY.plusDays(1)).totals().placed()).isEqualTo(1);
    }

    @Test
    void aPlacementMovedAgainOutOfTheInboxIsNotSavedTwice() {
        grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_SPAM).build());
        grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX).build());
        assertThat(grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_PROMOTIONS).build()).getCounted())
                .isTrue();

        DailyStats day = today();
        assertThat(day.placed()).isEqualTo(1);
        assertThat(day.promotions()).isEqualTo(1);
        assertThat(day.savedFromSpam()).isEqualTo(1);
    }

    @Test
    void sentTodayReflectsTheSendsReportedForToday() {
        grpc.warmup().reportWarmupSend(send("yesterday").setSentAt(timestamp(NOW.minus(Duration.ofDays(1)))).build());
        grpc.warmup().reportWarmupSend(send("m-1").build());
        grpc.warmup().reportWarmupSend(send("m-2").build());
        grpc.warmup().reportWarmupSend(send("m-2").build());
        assertThat(status().getSentToday()).isEqualTo(2);

        grpc.clock.advance(Duration.ofDays(1));
        assertThat(status().getSentToday()).isZero();
    }

    @Test
    void reportsOfAnotherModeCountForThatModesMailboxOnly() {
        failure(() -> grpc.warmup().reportWarmupSend(send("m-1").setMode(Mode.MODE_SANDBOX).build()),
                Status.Code.NOT_FOUND);
        assertThat(status().getSentToday()).isZero();
    }

    @Test
    void aMissingOrMalformedMessageIdIsInvalidArgument() {
        var e = invalid(() -> grpc.warmup().reportWarmupSend(send("").build()), "message_id");
        assertThat(e.getStatus().getDescription()).doesNotContain("messageId");
        assertThat(GrpcFixture.reason(e)).contains("invalid_message_id");
        invalid(() -> grpc.warmup().reportPlacement(place("", Placement.PLACEMENT_INBOX).build()), "message_id");
        invalid(() -> grpc.warmup().reportWarmupReply(reply(" ").build()), "message_id");
        invalid(() -> grpc.warmup().reportWarmupSend(send("x".repeat(129)).build()), "message_id");
        invalid(() -> grpc.warmup().reportWarmupSend(send("m-\u0007").build()), "message_id");
    }

    @Test
    void aMissingOrUnknownPlacementIsInvalidArgument() {
        invalid(() -> grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_UNSPECIFIED).build()), "placement");
        var e = invalid(() -> grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setPlacementValue(9).build()), "placement");
        assertThat(e.getStatus().getDescription()).contains("was 9");

        assertThat(today().placed()).isZero();
    }

    @Test
    void authenticationGivenMustNameEachVerdict() {
        invalid(() -> grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setAuthentication(pass().setDkim(AuthResult.AUTH_RESULT_UNSPECIFIED)).build()), "authentication.dkim");
        invalid(() -> grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setAuthentication(pass().setDmarcValue(7)).build()), "authentication.dmarc");

        assertThat(grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setAuthentication(pass().setSpf(AuthResult.AUTH_RESULT_NONE)).build()).getCounted()).isTrue();
    }

    @Test
    void aMissingTimeIsInvalidArgumentNamingItsField() {
        invalid(() -> grpc.warmup().reportWarmupSend(send("m-1").clearSentAt().build()), "sent_at");
        invalid(() -> grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_SPAM).clearPlacedAt().build()),
                "placed_at");
        invalid(() -> grpc.warmup().reportWarmupReply(reply("m-1").clearRepliedAt().build()), "replied_at");
    }

    @Test
    void aTimeFarInTheFutureOrBefore2000IsInvalidArgumentAndCountsNothing() {
        Instant future = NOW.plus(Duration.ofMinutes(6));
        var e = invalid(() -> grpc.warmup().reportWarmupSend(send("m-1").setSentAt(timestamp(future)).build()), "sent_at");
        assertThat(e.getStatus().getDescription()).doesNotContain("sentAt");
        invalid(() -> grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setPlacedAt(timestamp(future)).build()), "placed_at");
        invalid(() -> grpc.warmup().reportWarmupReply(reply("m-1").setRepliedAt(timestamp(future)).build()),
                "replied_at");
        invalid(() -> grpc.warmup().reportWarmupSend(send("m-1")
                .setSentAt(timestamp(Instant.parse("1999-12-31T23:59:59Z"))).build()), "sent_at");
        invalid(() -> grpc.warmup().reportWarmupSend(send("m-1")
                .setSentAt(GrpcFixture.timestamp(NOW).toBuilder().setNanos(-1)).build()), "sent_at");

        assertThat(today()).isEqualTo(DailyStats.empty(TODAY));
        assertThat(grpc.warmup().reportWarmupSend(send("m-1").setSentAt(timestamp(NOW.plus(Duration.ofMinutes(4))))
                .build()).getCounted()).isTrue();
    }

    @Test
    void anUnknownOrMalformedMailboxOrWorkspaceIsRefused() {
        var e = failure(() -> grpc.warmup().reportWarmupSend(send("m-1").setMailboxId("mbx_01KKTXZ98J3ZD5KEC1M9VP2THY")
                .build()), Status.Code.NOT_FOUND);
        assertThat(GrpcFixture.reason(e)).contains("mailbox_not_found");
        failure(() -> grpc.warmup().reportPlacement(place("m-1", Placement.PLACEMENT_INBOX)
                .setMailboxId("mbx_01KKTXZ98J3ZD5KEC1M9VP2THY").build()), Status.Code.NOT_FOUND);
        failure(() -> grpc.warmup().reportWarmupReply(reply("m-1").setWorkspaceId("ws_01KKTXZ98J3ZD5KEC1M9VP2THY")
                .build()), Status.Code.NOT_FOUND);
        invalid(() -> grpc.warmup().reportWarmupReply(reply("m-1").setMailboxId("mailbox-1").build()), "mailbox_id");
        invalid(() -> grpc.warmup().reportWarmupSend(send("m-1").setMode(Mode.MODE_UNSPECIFIED).build()), "mode");
    }

    private ReportWarmupSendRequest.Builder send(String messageId) {
        return ReportWarmupSendRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId)
                .setMessageId(messageId).setSentAt(timestamp(NOW));
    }

    private ReportPlacementRequest.Builder place(String messageId, Placement placement) {
        return ReportPlacementRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId)
                .setMessageId(messageId).setPlacement(placement).setPlacedAt(timestamp(NOW));
    }

    private ReportWarmupReplyRequest.Builder reply(String messageId) {
        return ReportWarmupReplyRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId)
                .setMessageId(messageId).setRepliedAt(timestamp(NOW));
    }

    private static AuthenticationResults.Builder pass() {
        return AuthenticationResults.newBuilder().setSpf(AuthResult.AUTH_RESULT_PASS)
                .setDkim(AuthResult.AUTH_RESULT_PASS).setDmarc(AuthResult.AUTH_RESULT_PASS);
    }

    private io.warmy.proto.v1.Warmup status() {
        return grpc.warmup().getStatus(GetWarmupStatusRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build());
    }

    private DailyStats today() {
        return stats(TODAY, TODAY).daily().getFirst();
    }

    private GetStats.Stats stats(LocalDate from, LocalDate to) {
        Tenant tenant = new Tenant(new WorkspaceId(ws), io.warmy.domain.tenancy.Mode.LIVE);
        return grpc.graph.warmupReports().stats(tenant, mailboxId, from, to);
    }
}
