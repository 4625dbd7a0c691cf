package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.warmy.application.tracking.port.in.MintLinks;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.proto.v1.MintLinksRequest;
import io.warmy.proto.v1.MintLinksResponse;
import io.warmy.proto.v1.TrackedUrl;
import io.warmy.proto.v1.TrackingServiceGrpc;

/** {@code warmy.v1.TrackingService}: the sender mints the pixel, tracked links and unsubscribe URL of a campaign mail. */
final class TrackingGrpcService extends TrackingServiceGrpc.TrackingServiceImplBase {

    private final MintLinks mintLinks;
    private final Tenants tenants;

    TrackingGrpcService(MintLinks mintLinks, Tenants tenants) {
        this.mintLinks = mintLinks;
        this.tenants = tenants;
    }

    @Override
    public void mintLinks(MintLinksRequest request, StreamObserver<MintLinksResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            String mailboxId = RequestFields.mailboxId(request.getMailboxId()).value();
            EmailAddress email = RequestFields.email(request.getProspectEmail(), "prospect_email");
            MintLinks.Links links = mintLinks.mint(new MintLinks.Command(tenant, request.getProspectId(), email,
                    request.getCampaignId(), mailboxId, request.getStepIndex(), request.getUrlsList()));
            MintLinksResponse.Builder answer = MintLinksResponse.newBuilder()
                    .setPixelUrl(links.pixelUrl())
                    .setUnsubscribeUrl(links.unsubscribeUrl())
                    .setListUnsubscribe(links.listUnsubscribe())
                    .setListUnsubscribePost(links.listUnsubscribePost());
            links.trackedUrls().forEach(t -> answer.addTrackedUrls(
                    TrackedUrl.newBuilder().setUrl(t.url()).setTrackedUrl(t.trackedUrl())));
            return answer.build();
        });
    }
}
