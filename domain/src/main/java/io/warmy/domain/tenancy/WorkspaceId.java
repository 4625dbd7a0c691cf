package io.warmy.domain.tenancy;

import io.warmy.domain.common.Identifiers;

/** The id of a workspace, the owner of everything; internal gRPC callers name it in every request. */
public record WorkspaceId(String value) {

    public static final String PREFIX = "ws_";

    public WorkspaceId {
        Identifiers.require(value, PREFIX, "workspaceId");
    }

    public static WorkspaceId fromUlid(String ulid) {
        return new WorkspaceId(PREFIX + ulid);
    }

    @Override
    public String toString() {
        return value;
    }
}
