package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.warmy.application.sending.port.in.ReserveSend;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Fields;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.proto.v1.DenyReason;
import io.warmy.proto.v1.ReserveSendRequest;
import io.warmy.proto.v1.ReserveSendResponse;
import io.warmy.proto.v1.SendingServiceGrpc;

/** {@code warmy.v1.SendingService}: the sender asks leave before each campaign mail. */
final class SendingGrpcService extends SendingServiceGrpc.SendingServiceImplBase {

    private final ReserveSend reserveSend;
    private final Tenants tenants;

    SendingGrpcService(ReserveSend reserveSend, Tenants tenants) {
        this.reserveSend = reserveSend;
        this.tenants = tenants;
    }

    @Override
    public void reserveSend(ReserveSendRequest request, StreamObserver<ReserveSendResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            String mailboxId = RequestFields.mailboxId(request.getMailboxId()).value();
            String campaignId = Fields.id("campaign_id", request.getCampaignId());
            String prospectId = RequestFields.optional(request.getProspectId());
            if (prospectId != null) {
                Fields.id("prospect_id", prospectId);
            }
            EmailAddress email = RequestFields.email(request.getProspectEmail(), "prospect_email");
            ReserveSend.Decision decision = reserveSend.reserve(
                    new ReserveSend.Command(tenant, mailboxId, campaignId, prospectId, email));
            return ReserveSendResponse.newBuilder()
                    .setAllowed(decision.allowed())
                    .setReason(decision.reason().map(SendingGrpcService::reason).orElse(DenyReason.DENY_REASON_UNSPECIFIED))
                    .setMailboxSentToday(decision.mailboxSentToday())
                    .setDomainSentToday(decision.domainSentToday())
                    .build();
        });
    }

    private static DenyReason reason(io.warmy.domain.sending.DenyReason reason) {
        return switch (reason) {
            case SUPPRESSED -> DenyReason.DENY_REASON_SUPPRESSED;
            case DAILY_MAILBOX -> DenyReason.DENY_REASON_DAILY_MAILBOX;
            case DAILY_DOMAIN -> DenyReason.DENY_REASON_DAILY_DOMAIN;
            case MAILBOX_PAUSED -> DenyReason.DENY_REASON_MAILBOX_PAUSED;
            case DISCONNECTED -> DenyReason.DENY_REASON_DISCONNECTED;
        };
    }
}
