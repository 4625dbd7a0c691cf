package io.warmy.adapters.grpc;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.ProvisionWorkspace;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the workspace and mode every request names into a {@link Tenant}, refusing a workspace
 * that does not exist. Workspaces are never deleted, so a workspace once found is remembered for
 * a while instead of being read again on every report of a busy stream.
 */
final class Tenants {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(30);
    private static final int MAX_REMEMBERED = 10_000;

    private final ProvisionWorkspace workspaces;
    private final Clock clock;
    private final ConcurrentHashMap<WorkspaceId, Instant> known = new ConcurrentHashMap<>();

    Tenants(ProvisionWorkspace workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The tenant of {@code workspace_id} and {@code mode} (the proto enum's number). */
    Tenant of(String workspaceId, int mode) {
        WorkspaceId id = RequestFields.id(workspaceId, "workspace_id", WorkspaceId.PREFIX, WorkspaceId::new);
        Tenant tenant = new Tenant(id, RequestFields.mode(mode));
        requireExists(id);
        return tenant;
    }

    /** An existing workspace, for the calls that name no mode. */
    WorkspaceId existing(String workspaceId) {
        WorkspaceId id = RequestFields.id(workspaceId, "workspace_id", WorkspaceId.PREFIX, WorkspaceId::new);
        requireExists(id);
        return id;
    }

    private void requireExists(WorkspaceId id) {
        Instant now = clock.now();
        Instant until = known.get(id);
        if (until != null && now.isBefore(until)) {
            return;
        }
        if (workspaces.workspace(id).isEmpty()) {
            throw new NotFoundException("workspace", id.value());
        }
        if (known.size() >= MAX_REMEMBERED) {
            known.clear();
        }
        known.put(id, now.plus(REMEMBER_FOR));
    }
}
