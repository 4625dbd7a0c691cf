package io.warmy.domain.tenancy;

import java.util.Objects;

/** The scope of every read and write: one workspace in one mode. */
public record Tenant(WorkspaceId workspaceId, Mode mode) {

    public Tenant {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(mode, "mode");
    }
}
