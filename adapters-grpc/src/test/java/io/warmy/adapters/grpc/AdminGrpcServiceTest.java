package io.warmy.adapters.grpc;

import io.grpc.Status;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.domain.common.UnauthenticatedException;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.proto.v1.ApiKey;
import io.warmy.proto.v1.CreateApiKeyRequest;
import io.warmy.proto.v1.CreateApiKeyResponse;
import io.warmy.proto.v1.CreateWorkspaceRequest;
import io.warmy.proto.v1.ListMailboxesRequest;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.RevokeApiKeyRequest;
import io.warmy.proto.v1.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.warmy.adapters.grpc.GrpcFixture.failure;
import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AdminService over a real channel: a workspace and its keys from creation to revocation. */
class AdminGrpcServiceTest {

    private final GrpcFixture grpc = new GrpcFixture();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void aKeyCreatedForANewWorkspaceAuthenticatesUntilRevokedAndTheCacheExpires() {
        Workspace ws = grpc.admin().createWorkspace(CreateWorkspaceRequest.newBuilder().setName("Acme Sales").build());
        assertThat(ws.getId()).startsWith("ws_");
        assertThat(ws.getName()).isEqualTo("Acme Sales");
        assertThat(ws.getCreatedAt()).isEqualTo(GrpcFixture.timestamp(GrpcFixture.START));

        CreateApiKeyResponse created = grpc.admin().createApiKey(CreateApiKeyRequest.newBuilder()
                .setWorkspaceId(ws.getId()).setMode(Mode.MODE_LIVE).setName("Sender service").setAdmin(true).build());
        ApiKey key = created.getApiKey();
        assertThat(created.getKey()).startsWith("wk_live_").startsWith(key.getPrefix());
        assertThat(key.getId()).startsWith("key_");
        assertThat(key.getName()).isEqualTo("Sender service");
        assertThat(key.getMode()).isEqualTo(Mode.MODE_LIVE);
        assertThat(key.getAdmin()).isTrue();
        assertThat(key.hasLastUsedAt()).isFalse();
        assertThat(key.hasRevokedAt()).isFalse();

        Caller caller = grpc.graph.authenticator().authenticate(created.getKey());
        assertThat(caller.tenant()).isEqualTo(new Tenant(new WorkspaceId(ws.getId()), io.warmy.domain.tenancy.Mode.LIVE));
        assertThat(caller.admin()).isTrue();

        ApiKey revoked = grpc.admin().revokeApiKey(RevokeApiKeyRequest.newBuilder()
                .setWorkspaceId(ws.getId()).setKeyId(key.getId()).build());
        assertThat(revoked.getRevokedAt()).isEqualTo(GrpcFixture.timestamp(GrpcFixture.START));

        grpc.clock.advance(Duration.ofMillis(2001));
        assertThatThrownBy(() -> grpc.graph.authenticator().authenticate(created.getKey()))
                .isInstanceOfSatisfying(UnauthenticatedException.class,
                        e -> assertThat(e.code()).isEqualTo("api_key_revoked"));
    }

    @Test
    void aSandboxKeyIsATestKeyOfTheSandbox() {
        String ws = grpc.workspace();

        CreateApiKeyResponse created = grpc.admin().createApiKey(CreateApiKeyRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_SANDBOX).setName("Tracker").build());

        assertThat(created.getKey()).startsWith("wk_test_");
        assertThat(created.getApiKey().getMode()).isEqualTo(Mode.MODE_SANDBOX);
        assertThat(grpc.graph.authenticator().authenticate(created.getKey()).tenant().mode())
                .isEqualTo(io.warmy.domain.tenancy.Mode.SANDBOX);
    }

    @Test
    void aCreatedWorkspaceIsAtOnceUsableByTheOtherServices() {
        Workspace ws = grpc.admin().createWorkspace(CreateWorkspaceRequest.newBuilder().setName("Globex").build());

        assertThat(grpc.mailboxes().list(ListMailboxesRequest.newBuilder().setWorkspaceId(ws.getId())
                .setMode(Mode.MODE_SANDBOX).build()).getMailboxesList()).isEmpty();
    }

    @Test
    void aTakenWorkspaceNameIsAlreadyExistsAndABadOneIsInvalidArgument() {
        grpc.admin().createWorkspace(CreateWorkspaceRequest.newBuilder().setName("Acme").build());

        failure(() -> grpc.admin().createWorkspace(CreateWorkspaceRequest.newBuilder().setName("Acme").build()),
                Status.Code.ALREADY_EXISTS);
        invalid(() -> grpc.admin().createWorkspace(CreateWorkspaceRequest.newBuilder().setName("").build()), "name");
    }

    @Test
    void keysOfUnknownWorkspacesOrUnknownKeysAreNotFoundAndBadFieldsInvalidArgument() {
        String ws = grpc.workspace();

        failure(() -> grpc.admin().createApiKey(CreateApiKeyRequest.newBuilder().setWorkspaceId("ws_01KKTXZ98J3ZD5KEC1M9VP2THY")
                .setMode(Mode.MODE_LIVE).setName("x").build()), Status.Code.NOT_FOUND);
        invalid(() -> grpc.admin().createApiKey(CreateApiKeyRequest.newBuilder().setWorkspaceId(ws)
                .setName("x").build()), "mode");
        invalid(() -> grpc.admin().createApiKey(CreateApiKeyRequest.newBuilder().setWorkspaceId(ws)
                .setMode(Mode.MODE_LIVE).setName(" ").build()), "name");
        failure(() -> grpc.admin().revokeApiKey(RevokeApiKeyRequest.newBuilder().setWorkspaceId(ws)
                .setKeyId("key_01KKTXZ98J3ZD5KEC1M9VP2THY").build()), Status.Code.NOT_FOUND);
        invalid(() -> grpc.admin().revokeApiKey(RevokeApiKeyRequest.newBuilder().setWorkspaceId(ws)
                .setKeyId("wk_live_secret").build()), "key_id");
    }

    @Test
    void aKeyCannotBeRevokedThroughAnotherWorkspace() {
        String owner = grpc.workspace();
        String other = grpc.workspace();
        CreateApiKeyResponse created = grpc.admin().createApiKey(CreateApiKeyRequest.newBuilder()
                .setWorkspaceId(owner).setMode(Mode.MODE_LIVE).setName("Sender").build());

        failure(() -> grpc.admin().revokeApiKey(RevokeApiKeyRequest.newBuilder().setWorkspaceId(other)
                .setKeyId(created.getApiKey().getId()).build()), Status.Code.NOT_FOUND);
        assertThat(grpc.graph.authenticator().authenticate(created.getKey()).keyId().value())
                .isEqualTo(created.getApiKey().getId());
    }
}
