package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.warmy.application.suppression.port.in.CheckSuppression;
import io.warmy.application.suppression.port.in.SuppressAddress;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Fields;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.proto.v1.CheckSuppressionRequest;
import io.warmy.proto.v1.CheckSuppressionResponse;
import io.warmy.proto.v1.SuppressRequest;
import io.warmy.proto.v1.SuppressResponse;
import io.warmy.proto.v1.Suppression;
import io.warmy.proto.v1.SuppressionReason;
import io.warmy.proto.v1.SuppressionServiceGrpc;

/** {@code warmy.v1.SuppressionService}: put an address on the suppression list by hand, or ask whether it is there. */
final class SuppressionGrpcService extends SuppressionServiceGrpc.SuppressionServiceImplBase {

    private final SuppressAddress suppressAddress;
    private final CheckSuppression checkSuppression;
    private final Tenants tenants;

    SuppressionGrpcService(SuppressAddress suppressAddress, CheckSuppression checkSuppression, Tenants tenants) {
        this.suppressAddress = suppressAddress;
        this.checkSuppression = checkSuppression;
        this.tenants = tenants;
    }

    @Override
    public void suppress(SuppressRequest request, StreamObserver<SuppressResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            EmailAddress email = RequestFields.email(request.getEmail(), "email");
            io.warmy.domain.suppression.SuppressionReason reason = reason(request.getReasonValue());
            String prospectId = RequestFields.optional(request.getProspectId());
            if (prospectId != null) {
                Fields.id("prospect_id", prospectId);
            }
            SuppressAddress.Outcome outcome = suppressAddress.suppress(
                    new SuppressAddress.Command(tenant, email, reason, prospectId));
            return SuppressResponse.newBuilder()
                    .setSuppression(message(outcome.suppression()))
                    .setAdded(outcome.added())
                    .build();
        });
    }

    @Override
    public void check(CheckSuppressionRequest request, StreamObserver<CheckSuppressionResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            EmailAddress email = RequestFields.email(request.getEmail(), "email");
            CheckSuppressionResponse.Builder answer = CheckSuppressionResponse.newBuilder();
            checkSuppression.check(tenant, email)
                    .ifPresent(s -> answer.setSuppressed(true).setSuppression(message(s)));
            return answer.build();
        });
    }

    /** SUPPRESSION_REASON_UNSPECIFIED reads as null, which the use case takes as a manual entry. */
    private static io.warmy.domain.suppression.SuppressionReason reason(int value) {
        SuppressionReason reason = SuppressionReason.forNumber(value);
        if (reason == null) {
            throw RequestFields.unknownEnum("reason", value,
                    "SUPPRESSION_REASON_BOUNCE, SUPPRESSION_REASON_UNSUBSCRIBE or SUPPRESSION_REASON_MANUAL");
        }
        return switch (reason) {
            case SUPPRESSION_REASON_BOUNCE -> io.warmy.domain.suppression.SuppressionReason.BOUNCE;
            case SUPPRESSION_REASON_UNSUBSCRIBE -> io.warmy.domain.suppression.SuppressionReason.UNSUBSCRIBE;
            case SUPPRESSION_REASON_MANUAL -> io.warmy.domain.suppression.SuppressionReason.MANUAL;
            case SUPPRESSION_REASON_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    private static Suppression message(io.warmy.domain.suppression.Suppression s) {
        return Suppression.newBuilder()
                .setEmail(s.email().value())
                .setReason(switch (s.reason()) {
                    case BOUNCE -> SuppressionReason.SUPPRESSION_REASON_BOUNCE;
                    case UNSUBSCRIBE -> SuppressionReason.SUPPRESSION_REASON_UNSUBSCRIBE;
                    case MANUAL -> SuppressionReason.SUPPRESSION_REASON_MANUAL;
                })
                .setProspectId(s.prospectId() == null ? "" : s.prospectId())
                .setCreatedAt(ProtoTime.of(s.createdAt()))
                .build();
    }
}
