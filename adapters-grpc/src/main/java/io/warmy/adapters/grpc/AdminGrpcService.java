package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.application.tenancy.port.in.ProvisionWorkspace;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.proto.v1.AdminServiceGrpc;
import io.warmy.proto.v1.ApiKey;
import io.warmy.proto.v1.CreateApiKeyRequest;
import io.warmy.proto.v1.CreateApiKeyResponse;
import io.warmy.proto.v1.CreateWorkspaceRequest;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.RevokeApiKeyRequest;
import io.warmy.proto.v1.Workspace;

/** {@code warmy.v1.AdminService}: the operator's workspace and key provisioning, for the platform's own tools. */
final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

    private final ProvisionWorkspace provision;
    private final Tenants tenants;

    AdminGrpcService(ProvisionWorkspace provision, Tenants tenants) {
        this.provision = provision;
        this.tenants = tenants;
    }

    @Override
    public void createWorkspace(CreateWorkspaceRequest request, StreamObserver<Workspace> response) {
        Calls.unary(response, () -> {
            io.warmy.domain.tenancy.Workspace ws = provision.createWorkspace(request.getName());
            return Workspace.newBuilder()
                    .setId(ws.id().value())
                    .setName(ws.name())
                    .setCreatedAt(ProtoTime.of(ws.createdAt()))
                    .build();
        });
    }

    @Override
    public void createApiKey(CreateApiKeyRequest request, StreamObserver<CreateApiKeyResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            CreateApiKey.Issued issued = provision.issueKey(tenant.workspaceId(), request.getName(), tenant.mode(),
                    request.getAdmin());
            return CreateApiKeyResponse.newBuilder()
                    .setApiKey(message(issued.key()))
                    .setKey(issued.secret())
                    .build();
        });
    }

    @Override
    public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<ApiKey> response) {
        Calls.unary(response, () -> {
            WorkspaceId workspace = tenants.existing(request.getWorkspaceId());
            ApiKeyId key = RequestFields.id(request.getKeyId(), "key_id", ApiKeyId.PREFIX, ApiKeyId::new);
            return message(provision.revokeKey(workspace, key));
        });
    }

    private static ApiKey message(io.warmy.domain.tenancy.ApiKey key) {
        ApiKey.Builder answer = ApiKey.newBuilder()
                .setId(key.id().value())
                .setName(key.name())
                .setPrefix(key.prefix())
                .setMode(key.mode() == io.warmy.domain.tenancy.Mode.LIVE ? Mode.MODE_LIVE : Mode.MODE_SANDBOX)
                .setAdmin(key.admin())
                .setCreatedAt(ProtoTime.of(key.createdAt()));
        if (key.lastUsedAt() != null) {
            answer.setLastUsedAt(ProtoTime.of(key.lastUsedAt()));
        }
        if (key.revokedAt() != null) {
            answer.setRevokedAt(ProtoTime.of(key.revokedAt()));
        }
        return answer.build();
    }
}
