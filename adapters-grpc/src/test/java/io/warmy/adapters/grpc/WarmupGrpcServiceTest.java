package io.warmy.adapters.grpc;

import io.grpc.Status;
import io.warmy.proto.v1.DisconnectMailboxRequest;
import io.warmy.proto.v1.GetWarmupStatusRequest;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.PauseWarmupRequest;
import io.warmy.proto.v1.ResumeWarmupRequest;
import io.warmy.proto.v1.UpdateWarmupSettingsRequest;
import io.warmy.proto.v1.Warmup;
import io.warmy.proto.v1.WarmupSettings;
import io.warmy.proto.v1.WarmupStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.warmy.adapters.grpc.GrpcFixture.failure;
import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** WarmupService over a real channel: status, pause and resume across days, settings changes and their refusals. */
class WarmupGrpcServiceTest {

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();
    private final String mailboxId = grpc.connect(ws, Mode.MODE_LIVE, "ana@example.com").getId();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void statusShowsDayPlanSettingsAndNextMilestone() {
        Warmup w = grpc.warmup().getStatus(GetWarmupStatusRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build());

        assertThat(w.getMailboxId()).isEqualTo(mailboxId);
        assertThat(w.getStatus()).isEqualTo(WarmupStatus.WARMUP_STATUS_ACTIVE);
        assertThat(w.getDay()).isEqualTo(1);
        assertThat(w.getPlannedToday()).isEqualTo(2);
        assertThat(w.getSentToday()).isZero();
        assertThat(w.getSettings()).isEqualTo(WarmupSettings.newBuilder().setDailyTarget(40).setStartVolume(2)
                .setRampUpPerDay(2).setReplyRate(30).setWeekdaysOnly(false).build());
        assertThat(w.hasNextMilestone()).isTrue();
        assertThat(w.getNextMilestone().getName()).isEqualTo("day_7");
        assertThat(w.getNextMilestone().getDay()).isEqualTo(7);
        assertThat(w.getNextMilestone().getExpectedOn()).isEqualTo("2026-03-22");
    }

    @Test
    void pauseFreezesTheDayAndResumeContinuesFromIt() {
        grpc.clock.advance(Duration.ofDays(2));
        Warmup paused = grpc.warmup().pause(PauseWarmupRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build());
        assertThat(paused.getStatus()).isEqualTo(WarmupStatus.WARMUP_STATUS_PAUSED);
        assertThat(paused.getDay()).isEqualTo(3);
        assertThat(paused.getPlannedToday()).isZero();
        assertThat(paused.getNextMilestone().getExpectedOn()).isEmpty();

        grpc.clock.advance(Duration.ofDays(5));
        Warmup resumed = grpc.warmup().resume(ResumeWarmupRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build());
        assertThat(resumed.getStatus()).isEqualTo(WarmupStatus.WARMUP_STATUS_ACTIVE);
        assertThat(resumed.getDay()).isEqualTo(4);
    }

    @Test
    void resumingTheWarmupOfADisconnectedMailboxIsAFailedPrecondition() {
        grpc.mailboxes().disconnect(DisconnectMailboxRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build());

        failure(() -> grpc.warmup().resume(ResumeWarmupRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build()),
                Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void updateChangesOnlyTheSettingsGiven() {
        Warmup w = grpc.warmup().updateSettings(update().setDailyTarget(60).setWeekdaysOnly(true).build());

        assertThat(w.getSettings()).isEqualTo(WarmupSettings.newBuilder().setDailyTarget(60).setStartVolume(2)
                .setRampUpPerDay(2).setReplyRate(30).setWeekdaysOnly(true).build());
    }

    @Test
    void anOutOfRangeSettingIsInvalidArgumentNamingItInSnakeCaseAndChangesNothing() {
        var e = invalid(() -> grpc.warmup().updateSettings(update().setDailyTarget(60).setRampUpPerDay(21).build()),
                "ramp_up_per_day");
        assertThat(e.getStatus().getDescription()).doesNotContain("rampUpPerDay");
        assertThat(GrpcFixture.reason(e)).contains("invalid_ramp_up_per_day");

        assertThat(grpc.warmup().getStatus(GetWarmupStatusRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build())
                .getSettings().getDailyTarget()).isEqualTo(40);
    }

    @Test
    void warmupOfAnUnknownMailboxIsNotFound() {
        failure(() -> grpc.warmup().pause(PauseWarmupRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId("mbx_01KKTXZ98J3ZD5KEC1M9VP2THY").build()),
                Status.Code.NOT_FOUND);
    }

    private UpdateWarmupSettingsRequest.Builder update() {
        return UpdateWarmupSettingsRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId);
    }
}
