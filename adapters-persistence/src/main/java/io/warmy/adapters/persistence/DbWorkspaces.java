package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.tenancy.port.out.Workspaces;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;

import java.util.Optional;

/** Workspaces in table {@code workspaces}; the unique key on the name makes a taken name a conflict. */
final class DbWorkspaces implements Workspaces {

    private static final String COLUMNS = "id, name, created_at_ms";

    private final DbTransactions db;

    DbWorkspaces(DbTransactions db) {
        this.db = db;
    }

    @Override
    public void insert(Workspace workspace) {
        try {
            db.execute().insert("INSERT INTO workspaces (" + COLUMNS + ") VALUES (?, ?, ?)",
                    workspace.id().value(), workspace.name(), workspace.createdAt().toEpochMilli());
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateOf(e, "uq_workspaces_name")) {
                throw new ConflictException("workspace_name_taken",
                        "A workspace named '" + workspace.name() + "' already exists.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Workspace> find(WorkspaceId id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM workspaces WHERE id = ?", id.value())
                .map(DbWorkspaces::read);
    }

    @Override
    public Optional<Workspace> findByName(String name) {
        return db.execute().get("SELECT " + COLUMNS + " FROM workspaces WHERE name = ?", name)
                .map(DbWorkspaces::read);
    }

    @Override
    public boolean isEmpty() {
        return db.execute().get("SELECT 1 FROM workspaces LIMIT 1").isEmpty();
    }

    private static Workspace read(DbRow row) {
        Columns c = new Columns(row);
        return new Workspace(new WorkspaceId(c.string()), c.string(), c.instant());
    }
}
