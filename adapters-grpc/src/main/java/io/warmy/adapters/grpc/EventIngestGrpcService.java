package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.warmy.application.event.port.in.RecordSignal;
import io.warmy.application.event.port.in.Recorded;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.event.Signal;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.ReportBounceRequest;
import io.warmy.proto.v1.ReportClickRequest;
import io.warmy.proto.v1.ReportOpenRequest;
import io.warmy.proto.v1.ReportReplyRequest;
import io.warmy.proto.v1.ReportResponse;
import io.warmy.proto.v1.ReportUnsubscribeRequest;
import io.warmy.proto.v1.SignalReport;
import io.warmy.proto.v1.SignalResult;

import java.util.function.Function;

/**
 * {@code warmy.v1.EventIngestService}: replies, bounces, unsubscribes, opens and clicks become
 * events, one report per call or many on a batch stream. Both paths read a report the same way.
 */
final class EventIngestGrpcService extends EventIngestServiceGrpc.EventIngestServiceImplBase {

    /** The workspace and mode a report falls back on when it names none: a batch envelope's, or none at all. */
    private record Fallback(String workspaceId, int mode) {
        static final Fallback NONE = new Fallback("", 0);
    }

    private final RecordSignal recordSignal;
    private final Tenants tenants;

    EventIngestGrpcService(RecordSignal recordSignal, Tenants tenants) {
        this.recordSignal = recordSignal;
        this.tenants = tenants;
    }

    @Override
    public void reportReply(ReportReplyRequest request, StreamObserver<ReportResponse> response) {
        Calls.unary(response, () -> reply(request, Fallback.NONE));
    }

    @Override
    public void reportBounce(ReportBounceRequest request, StreamObserver<ReportResponse> response) {
        Calls.unary(response, () -> bounce(request, Fallback.NONE));
    }

    @Override
    public void reportUnsubscribe(ReportUnsubscribeRequest request, StreamObserver<ReportResponse> response) {
        Calls.unary(response, () -> unsubscribe(request, Fallback.NONE));
    }

    @Override
    public void reportOpen(ReportOpenRequest request, StreamObserver<ReportResponse> response) {
        Calls.unary(response, () -> open(request, Fallback.NONE));
    }

    @Override
    public void reportClick(ReportClickRequest request, StreamObserver<ReportResponse> response) {
        Calls.unary(response, () -> click(request, Fallback.NONE));
    }

    @Override
    public StreamObserver<SignalReport> reportBatch(StreamObserver<SignalResult> results) {
        return SignalBatch.open(results, this::report);
    }

    private ReportResponse report(SignalReport item) {
        Fallback fallback = new Fallback(item.getWorkspaceId(), item.getModeValue());
        return switch (item.getReportCase()) {
            case REPLY -> reply(item.getReply(), fallback);
            case BOUNCE -> bounce(item.getBounce(), fallback);
            case UNSUBSCRIBE -> unsubscribe(item.getUnsubscribe(), fallback);
            case OPEN -> open(item.getOpen(), fallback);
            case CLICK -> click(item.getClick(), fallback);
            case REPORT_NOT_SET -> throw new InvalidValueException("report",
                    "report is required: one of reply, bounce, unsubscribe, open, click.");
        };
    }

    private ReportResponse reply(ReportReplyRequest r, Fallback fallback) {
        return record(tenant(r.getWorkspaceId(), r.getModeValue(), fallback), r, SignalReports::reply);
    }

    private ReportResponse bounce(ReportBounceRequest r, Fallback fallback) {
        return record(tenant(r.getWorkspaceId(), r.getModeValue(), fallback), r, SignalReports::bounce);
    }

    private ReportResponse unsubscribe(ReportUnsubscribeRequest r, Fallback fallback) {
        return record(tenant(r.getWorkspaceId(), r.getModeValue(), fallback), r, SignalReports::unsubscribe);
    }

    private ReportResponse open(ReportOpenRequest r, Fallback fallback) {
        return record(tenant(r.getWorkspaceId(), r.getModeValue(), fallback), r, SignalReports::open);
    }

    private ReportResponse click(ReportClickRequest r, Fallback fallback) {
        return record(tenant(r.getWorkspaceId(), r.getModeValue(), fallback), r, SignalReports::click);
    }

    private <R> ReportResponse record(Tenant tenant, R report, Function<R, ? extends Signal> read) {
        Recorded recorded = recordSignal.record(tenant, read.apply(report));
        return ReportResponse.newBuilder()
                .setEventId(recorded.eventId().value())
                .setDuplicate(recorded.duplicate())
                .build();
    }

    /** A report's own workspace and mode win over the fallback's; naming two different ones is an error. */
    private Tenant tenant(String workspaceId, int mode, Fallback fallback) {
        if (!workspaceId.isEmpty() && !fallback.workspaceId().isEmpty() && !workspaceId.equals(fallback.workspaceId())) {
            throw new InvalidValueException("workspace_id",
                    "workspace_id of the report differs from the workspace_id of its SignalReport.");
        }
        if (mode != 0 && fallback.mode() != 0 && mode != fallback.mode()) {
            throw new InvalidValueException("mode", "mode of the report differs from the mode of its SignalReport.");
        }
        return tenants.of(workspaceId.isEmpty() ? fallback.workspaceId() : workspaceId,
                mode == 0 ? fallback.mode() : mode);
    }
}
