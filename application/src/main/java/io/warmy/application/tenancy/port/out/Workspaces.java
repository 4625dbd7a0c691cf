package io.warmy.application.tenancy.port.out;

import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;

import java.util.Optional;

/** Stores workspaces. Names are unique, so operators can name a workspace on the command line. */
public interface Workspaces {

    /** Stores a new workspace; a taken name is a {@code ConflictException} with code {@code workspace_name_taken}. */
    void insert(Workspace workspace);

    Optional<Workspace> find(WorkspaceId id);

    Optional<Workspace> findByName(String name);

    /** Whether no workspace exists yet: the first start of an empty database. */
    boolean isEmpty();
}
