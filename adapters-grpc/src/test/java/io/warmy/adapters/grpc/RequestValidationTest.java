package io.warmy.adapters.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.warmy.application.mailbox.port.in.GetMailbox;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.GetMailboxRequest;
import io.warmy.proto.v1.ListMailboxesRequest;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.ReserveSendRequest;
import io.warmy.proto.v1.SuppressRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.warmy.adapters.grpc.GrpcFixture.failure;
import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** What every request is checked for before a use case runs, and how failures look on the wire. */
class RequestValidationTest {

    private static final String UNKNOWN_WORKSPACE = "ws_01KKTXZ98J3ZD5KEC1M9VP2THY";

    private GrpcFixture grpc = new GrpcFixture();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void aMissingWorkspaceIdIsInvalidArgument() {
        var e = invalid(() -> grpc.mailboxes().list(ListMailboxesRequest.newBuilder().setMode(Mode.MODE_LIVE).build()),
                "workspace_id");
        assertThat(e.getStatus().getDescription()).isEqualTo("workspace_id is required.");
    }

    @Test
    void aMalformedWorkspaceIdIsInvalidArgument() {
        invalid(() -> grpc.mailboxes().list(ListMailboxesRequest.newBuilder()
                .setWorkspaceId("acme").setMode(Mode.MODE_LIVE).build()), "workspace_id");
    }

    @Test
    void anUnknownWorkspaceIsNotFoundAndOneCreatedLaterIsFoundAtOnce() {
        var e = failure(() -> grpc.suppressions().suppress(SuppressRequest.newBuilder().setWorkspaceId(UNKNOWN_WORKSPACE)
                .setMode(Mode.MODE_LIVE).setEmail("bob@prospect.example").build()), Status.Code.NOT_FOUND);
        assertThat(GrpcFixture.reason(e)).contains("workspace_not_found");

        String created = grpc.workspace();
        assertThat(grpc.mailboxes().list(ListMailboxesRequest.newBuilder()
                .setWorkspaceId(created).setMode(Mode.MODE_LIVE).build()).getMailboxesList()).isEmpty();
    }

    @Test
    void anUnspecifiedOrUnknownModeIsInvalidArgument() {
        String ws = grpc.workspace();

        var unspecified = invalid(() -> grpc.mailboxes().list(ListMailboxesRequest.newBuilder()
                .setWorkspaceId(ws).build()), "mode");
        assertThat(unspecified.getStatus().getDescription()).contains("MODE_LIVE", "MODE_SANDBOX");
        var unknown = invalid(() -> grpc.mailboxes().list(ListMailboxesRequest.newBuilder()
                .setWorkspaceId(ws).setModeValue(7).build()), "mode");
        assertThat(unknown.getStatus().getDescription()).contains("7");
    }

    @Test
    void anUnknownEnumValueIsInvalidArgument() {
        String ws = grpc.workspace();

        invalid(() -> grpc.mailboxes().list(ListMailboxesRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                .setStatusValue(9).build()), "status");
        invalid(() -> grpc.mailboxes().list(ListMailboxesRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                .setWarmupStatusValue(9).build()), "warmup_status");
        invalid(() -> grpc.mailboxes().connect(ConnectMailboxRequest.newBuilder().setWorkspaceId(ws)
                .setMode(Mode.MODE_LIVE).setEmail("ana@acme.example").setProviderValue(9).build()), "provider");
    }

    @Test
    void aFieldErrorCarriesTheStableCodeAndABadRequestDetail() {
        String ws = grpc.workspace();
        String mailboxId = grpc.connect(ws, Mode.MODE_LIVE, "ana@acme.example").getId();

        StatusRuntimeException e = invalid(() -> grpc.sending().reserveSend(ReserveSendRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).setCampaignId("c_1")
                .setProspectEmail("bob@").build()), "prospect_email");

        assertThat(GrpcFixture.badRequestField(e)).contains("prospect_email");
        assertThat(GrpcFixture.reason(e)).contains("invalid_prospect_email");
        assertThat(e.getStatus().getDescription()).contains("'bob@' is not a valid email address");
    }

    @Test
    void anUnexpectedFailureIsInternalAndShowsNothingOfTheServer() throws InterruptedException {
        grpc.close();
        GetMailbox broken = (tenant, mailboxId) -> {
            throw new IllegalStateException("jdbc:mysql://db.internal:3306 password=hunter2");
        };
        grpc = new GrpcFixture(g -> withGetMailbox(g, broken));
        String ws = grpc.workspace();

        var e = failure(() -> grpc.mailboxes().get(GetMailboxRequest.newBuilder().setWorkspaceId(ws)
                .setMode(Mode.MODE_LIVE).setMailboxId("mbx_01KKTXZ98J3ZD5KEC1M9VP2THY").build()), Status.Code.INTERNAL);

        assertThat(e.getStatus().getDescription()).doesNotContain("jdbc", "hunter2", "IllegalState");
        assertThat(GrpcFixture.reason(e)).isEmpty();
    }

    @Test
    void theServicesSurviveAFailedCall() {
        String ws = grpc.workspace();
        invalid(() -> grpc.connect(ws, Mode.MODE_LIVE, "nope"), "email");

        assertThat(grpc.mailboxes().connect(ConnectMailboxRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                .setEmail("ana@acme.example").setProvider(Provider.PROVIDER_SMTP).build()).getId()).startsWith("mbx_");
    }

    private static GrpcApi.UseCases withGetMailbox(ServiceGraph g, GetMailbox getMailbox) {
        var u = GrpcFixture.useCases(g);
        return new GrpcApi.UseCases(u.connectMailbox(), u.disconnectMailbox(), getMailbox, u.listMailboxes(),
                u.getWarmupStatus(), u.pauseWarmup(), u.resumeWarmup(), u.updateWarmupSettings(), u.reserveSend(),
                u.recordSignal(), u.suppressAddress(), u.checkSuppression(), u.provisionWorkspace(), u.reportWarmup(),
                u.mintLinks());
    }
}
