package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.warmy.application.warmup.port.in.GetWarmupStatus;
import io.warmy.application.warmup.port.in.PauseWarmup;
import io.warmy.application.warmup.port.in.ReportWarmup;
import io.warmy.application.warmup.port.in.ResumeWarmup;
import io.warmy.application.warmup.port.in.UpdateWarmupSettings;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.proto.v1.GetWarmupStatusRequest;
import io.warmy.proto.v1.PauseWarmupRequest;
import io.warmy.proto.v1.ReportPlacementRequest;
import io.warmy.proto.v1.ReportWarmupReplyRequest;
import io.warmy.proto.v1.ReportWarmupResponse;
import io.warmy.proto.v1.ReportWarmupSendRequest;
import io.warmy.proto.v1.ResumeWarmupRequest;
import io.warmy.proto.v1.UpdateWarmupSettingsRequest;
import io.warmy.proto.v1.Warmup;
import io.warmy.proto.v1.WarmupServiceGrpc;

/**
 * {@code warmy.v1.WarmupService}: read, pause, resume and tune a mailbox's warmup, and take the
 * warmup network's reports of its mails sent, placed and answered.
 */
final class WarmupGrpcService extends WarmupServiceGrpc.WarmupServiceImplBase {

    /** The use cases behind this service. */
    record UseCases(GetWarmupStatus status, PauseWarmup pause, ResumeWarmup resume, UpdateWarmupSettings update,
                    ReportWarmup report) {
    }

    private final UseCases useCases;
    private final Tenants tenants;

    WarmupGrpcService(UseCases useCases, Tenants tenants) {
        this.useCases = useCases;
        this.tenants = tenants;
    }

    @Override
    public void getStatus(GetWarmupStatusRequest request, StreamObserver<Warmup> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            String mailboxId = RequestFields.mailboxId(request.getMailboxId()).value();
            return MailboxMessages.warmup(useCases.status().status(tenant, mailboxId));
        });
    }

    @Override
    public void pause(PauseWarmupRequest request, StreamObserver<Warmup> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            String mailboxId = RequestFields.mailboxId(request.getMailboxId()).value();
            return MailboxMessages.warmup(useCases.pause().pause(tenant, mailboxId));
        });
    }

    @Override
    public void resume(ResumeWarmupRequest request, StreamObserver<Warmup> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            String mailboxId = RequestFields.mailboxId(request.getMailboxId()).value();
            return MailboxMessages.warmup(useCases.resume().resume(tenant, mailboxId));
        });
    }

    @Override
    public void updateSettings(UpdateWarmupSettingsRequest request, StreamObserver<Warmup> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            String mailboxId = RequestFields.mailboxId(request.getMailboxId()).value();
            var command = new UpdateWarmupSettings.Command(
                    request.hasDailyTarget() ? request.getDailyTarget() : null,
                    request.hasStartVolume() ? request.getStartVolume() : null,
                    request.hasRampUpPerDay() ? request.getRampUpPerDay() : null,
                    request.hasReplyRate() ? request.getReplyRate() : null,
                    request.hasWeekdaysOnly() ? request.getWeekdaysOnly() : null);
            return MailboxMessages.warmup(useCases.update().update(tenant, mailboxId, command));
        });
    }

    @Override
    public void reportWarmupSend(ReportWarmupSendRequest request, StreamObserver<ReportWarmupResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            return answer(useCases.report().sent(WarmupReports.send(tenant, request)));
        });
    }

    @Override
    public void reportPlacement(ReportPlacementRequest request, StreamObserver<ReportWarmupResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            return answer(useCases.report().placed(WarmupReports.placed(tenant, request)));
        });
    }

    @Override
    public void reportWarmupReply(ReportWarmupReplyRequest request, StreamObserver<ReportWarmupResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            return answer(useCases.report().replied(WarmupReports.replied(tenant, request)));
        });
    }

    private static ReportWarmupResponse answer(ReportWarmup.Outcome outcome) {
        return ReportWarmupResponse.newBuilder().setCounted(outcome.counted()).build();
    }
}
