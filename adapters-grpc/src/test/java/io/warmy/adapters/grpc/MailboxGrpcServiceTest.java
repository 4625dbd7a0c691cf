package io.warmy.adapters.grpc;

import io.grpc.Status;
import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.DisconnectMailboxRequest;
import io.warmy.proto.v1.GetMailboxRequest;
import io.warmy.proto.v1.ListMailboxesRequest;
import io.warmy.proto.v1.ListMailboxesResponse;
import io.warmy.proto.v1.Mailbox;
import io.warmy.proto.v1.MailboxStatus;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.WarmupStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.warmy.adapters.grpc.GrpcFixture.failure;
import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** MailboxService over a real channel: connect, read, list with pages and filters, disconnect, and the refusals. */
class MailboxGrpcServiceTest {

    private static final String UNKNOWN_MAILBOX = "mbx_01KKTXZ98J3ZD5KEC1M9VP2THY";

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void connectedMailboxIsAnsweredWithItsWarmupStartedAndCanBeReadBack() {
        Mailbox connected = grpc.mailboxes().connect(ConnectMailboxRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                .setEmail(" Ana@Example.COM ").setProvider(Provider.PROVIDER_MICROSOFT)
                .setDisplayName("Ana").setDailyLimit(80)
                .build());

        assertThat(connected.getId()).startsWith("mbx_");
        assertThat(connected.getEmail()).isEqualTo("ana@example.com");
        assertThat(connected.getProvider()).isEqualTo(Provider.PROVIDER_MICROSOFT);
        assertThat(connected.getDisplayName()).isEqualTo("Ana");
        assertThat(connected.getDailyLimit()).isEqualTo(80);
        assertThat(connected.getStatus()).isEqualTo(MailboxStatus.MAILBOX_STATUS_CONNECTED);
        assertThat(connected.getDisconnectReason()).isEmpty();
        assertThat(connected.getWarmup().getStatus()).isEqualTo(WarmupStatus.WARMUP_STATUS_ACTIVE);
        assertThat(connected.getWarmup().getDay()).isEqualTo(1);
        assertThat(connected.getCreatedAt()).isEqualTo(GrpcFixture.timestamp(GrpcFixture.START));
        assertThat(connected.getUpdatedAt()).isEqualTo(connected.getCreatedAt());

        grpc.clock.advance(Duration.ofDays(2));
        Mailbox read = grpc.mailboxes().get(get(connected.getId()));
        assertThat(read.toBuilder().setWarmup(connected.getWarmup()).build()).isEqualTo(connected);
        assertThat(read.getWarmup().getDay()).isEqualTo(3);
    }

    @Test
    void connectWithoutOptionalFieldsTakesTheDefaults() {
        Mailbox m = grpc.connect(ws, Mode.MODE_LIVE, "bob@example.com");

        assertThat(m.getDisplayName()).isEqualTo("bob@example.com");
        assertThat(m.getDailyLimit()).isEqualTo(50);
    }

    @Test
    void disconnectStopsTheMailboxAndPausesItsWarmupWithTheReasonGiven() {
        Mailbox m = grpc.connect(ws, Mode.MODE_LIVE, "ana@example.com");

        Mailbox disconnected = grpc.mailboxes().disconnect(DisconnectMailboxRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(m.getId()).setReason("auth_revoked").build());

        assertThat(disconnected.getStatus()).isEqualTo(MailboxStatus.MAILBOX_STATUS_DISCONNECTED);
        assertThat(disconnected.getDisconnectReason()).isEqualTo("auth_revoked");
        assertThat(disconnected.getWarmup().getStatus()).isEqualTo(WarmupStatus.WARMUP_STATUS_PAUSED);
        assertThat(grpc.mailboxes().get(get(m.getId()))).isEqualTo(disconnected);
    }

    @Test
    void disconnectWithoutReasonRecordsRequested() {
        Mailbox m = grpc.connect(ws, Mode.MODE_LIVE, "ana@example.com");

        Mailbox disconnected = grpc.mailboxes().disconnect(DisconnectMailboxRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(m.getId()).build());

        assertThat(disconnected.getDisconnectReason()).isEqualTo("requested");
    }

    @Test
    void aRetriedDisconnectAnswersTheSameDisconnectedMailbox() {
        Mailbox m = grpc.connect(ws, Mode.MODE_LIVE, "ana@example.com");
        DisconnectMailboxRequest request = DisconnectMailboxRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(m.getId()).build();
        Mailbox first = grpc.mailboxes().disconnect(request);

        assertThat(grpc.mailboxes().disconnect(request)).isEqualTo(first);
    }

    @Test
    void connectingAConnectedAddressAgainIsAlreadyExists() {
        grpc.connect(ws, Mode.MODE_LIVE, "ana@example.com");

        var e = failure(() -> grpc.connect(ws, Mode.MODE_LIVE, "ANA@example.com"), Status.Code.ALREADY_EXISTS);
        assertThat(GrpcFixture.reason(e)).contains("mailbox_already_connected");
    }

    @Test
    void listPagesNewestFirstWithPageTokens() {
        Mailbox a = grpc.connect(ws, Mode.MODE_LIVE, "a@example.com");
        grpc.clock.advance(Duration.ofSeconds(1));
        Mailbox b = grpc.connect(ws, Mode.MODE_LIVE, "b@example.com");
        grpc.clock.advance(Duration.ofSeconds(1));
        Mailbox c = grpc.connect(ws, Mode.MODE_LIVE, "c@example.com");

        ListMailboxesResponse first = grpc.mailboxes().list(list().setPageSize(2).build());
        assertThat(first.getMailboxesList()).extracting(Mailbox::getId).containsExactly(c.getId(), b.getId());
        assertThat(first.getNextPageToken()).isNotEmpty();

        ListMailboxesResponse second = grpc.mailboxes().list(list().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());
        assertThat(second.getMailboxesList()).extracting(Mailbox::getId).containsExactly(a.getId());
        assertThat(second.getNextPageToken()).isEmpty();
    }

    @Test
    void listPageSizeZeroMeansTheDefaultAndAboveTheMaximumMeansTheMaximum() {
        grpc.connect(ws, Mode.MODE_LIVE, "a@example.com");

        assertThat(grpc.mailboxes().list(list().build()).getMailboxesCount()).isEqualTo(1);
        assertThat(grpc.mailboxes().list(list().setPageSize(5000).build()).getMailboxesCount()).isEqualTo(1);
        invalid(() -> grpc.mailboxes().list(list().setPageSize(-1).build()), "page_size");
    }

    @Test
    void listFiltersByStatusProviderAndWarmupStatus() {
        Mailbox kept = grpc.connect(ws, Mode.MODE_LIVE, "a@example.com");
        Mailbox gone = grpc.connect(ws, Mode.MODE_LIVE, "b@example.com");
        grpc.mailboxes().disconnect(DisconnectMailboxRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(gone.getId()).build());

        assertThat(grpc.mailboxes().list(list().setStatus(MailboxStatus.MAILBOX_STATUS_CONNECTED).build())
                .getMailboxesList()).extracting(Mailbox::getId).containsExactly(kept.getId());
        assertThat(grpc.mailboxes().list(list().setWarmupStatus(WarmupStatus.WARMUP_STATUS_PAUSED).build())
                .getMailboxesList()).extracting(Mailbox::getId).containsExactly(gone.getId());
        assertThat(grpc.mailboxes().list(list().setProvider(Provider.PROVIDER_SMTP).build()).getMailboxesList())
                .isEmpty();
    }

    @Test
    void aPageTokenThisApiDidNotIssueIsInvalidArgument() {
        invalid(() -> grpc.mailboxes().list(list().setPageToken("not-a-token").build()), "page_token");
        // well-formed base64 of the right version that names no mailbox id
        String foreign = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1:key_01KKTXZ98J3ZD5KEC1M9VP2THY".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        invalid(() -> grpc.mailboxes().list(list().setPageToken(foreign).build()), "page_token");
    }

    @Test
    void unknownMailboxIsNotFoundAndMalformedIdIsInvalidArgument() {
        failure(() -> grpc.mailboxes().get(get(UNKNOWN_MAILBOX)), Status.Code.NOT_FOUND);
        invalid(() -> grpc.mailboxes().get(get("mbx_nope")), "mailbox_id");
        invalid(() -> grpc.mailboxes().get(get("")), "mailbox_id");
    }

    @Test
    void aMailboxIsNotFoundFromAnotherWorkspaceOrMode() {
        Mailbox m = grpc.connect(ws, Mode.MODE_LIVE, "ana@example.com");
        String other = grpc.workspace();

        failure(() -> grpc.mailboxes().get(GetMailboxRequest.newBuilder()
                .setWorkspaceId(other).setMode(Mode.MODE_LIVE).setMailboxId(m.getId()).build()), Status.Code.NOT_FOUND);
        failure(() -> grpc.mailboxes().get(GetMailboxRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_SANDBOX).setMailboxId(m.getId()).build()), Status.Code.NOT_FOUND);
        assertThat(grpc.mailboxes().list(ListMailboxesRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_SANDBOX).build()).getMailboxesList()).isEmpty();
    }

    @Test
    void connectRefusesABadAddressAMissingOrUnknownProviderAndAnOutOfRangeLimit() {
        invalid(() -> grpc.mailboxes().connect(connect().setEmail("not an address").build()), "email");
        invalid(() -> grpc.mailboxes().connect(connect().setEmail("").build()), "email");
        invalid(() -> grpc.mailboxes().connect(connect().setProvider(Provider.PROVIDER_UNSPECIFIED).build()), "provider");
        invalid(() -> grpc.mailboxes().connect(connect().setProviderValue(42).build()), "provider");
        var e = invalid(() -> grpc.mailboxes().connect(connect().setDailyLimit(0).build()), "daily_limit");
        assertThat(e.getStatus().getDescription()).doesNotContain("dailyLimit");

        assertThat(grpc.mailboxes().list(list().build()).getMailboxesList()).isEmpty();
    }

    private ConnectMailboxRequest.Builder connect() {
        return ConnectMailboxRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                .setEmail("ana@example.com").setProvider(Provider.PROVIDER_GOOGLE);
    }

    private GetMailboxRequest get(String id) {
        return GetMailboxRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(id).build();
    }

    private ListMailboxesRequest.Builder list() {
        return ListMailboxesRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE);
    }
}
