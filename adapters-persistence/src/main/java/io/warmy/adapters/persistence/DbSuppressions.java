package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.suppression.port.out.Suppressions;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Suppression lists in table {@code suppressions}, keyed by tenant and address: of two racing adds
 * of one address the primary key lets exactly one in, and the other learns that it was not first.
 */
final class DbSuppressions implements Suppressions {

    private static final String COLUMNS = "workspace_id, mode, email, reason, prospect_id, created_at_ms";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM suppressions WHERE workspace_id = ? AND mode = ?";

    private final DbTransactions db;

    DbSuppressions(DbTransactions db) {
        this.db = db;
    }

    @Override
    public boolean add(Suppression s) {
        try {
            db.execute().insert("INSERT INTO suppressions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                    s.tenant().workspaceId().value(), s.tenant().mode().wireName(), s.email().value(),
                    s.reason().wireName(), s.prospectId(), s.createdAt().toEpochMilli());
            return true;
        } catch (RuntimeException e) {
            // The primary key is the table's only unique key. The failed insert undoes only itself,
            // so a caller's transaction carries on.
            if (SqlErrors.isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Suppression> find(Tenant tenant, EmailAddress email) {
        return db.execute().get(SELECT + " AND email = ?", tenant.workspaceId().value(), tenant.mode().wireName(),
                email.value()).map(DbSuppressions::read);
    }

    @Override
    public boolean remove(Tenant tenant, EmailAddress email) {
        return db.execute().delete("DELETE FROM suppressions WHERE workspace_id = ? AND mode = ? AND email = ?",
                tenant.workspaceId().value(), tenant.mode().wireName(), email.value()) == 1;
    }

    @Override
    public List<Suppression> list(Tenant tenant, Optional<EmailAddress> afterEmail, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant.workspaceId().value(), tenant.mode().wireName()));
        StringBuilder sql = new StringBuilder(SELECT);
        if (afterEmail.isPresent()) {
            sql.append(" AND email > ?");
            params.add(afterEmail.get().value());
        }
        sql.append(" ORDER BY email LIMIT ?");
        params.add(limit);
        try (Stream<DbRow> rows = db.execute().query(sql.toString(), params.toArray())) {
            return rows.map(DbSuppressions::read).toList();
        }
    }

    private static Suppression read(DbRow row) {
        Columns c = new Columns(row);
        Tenant tenant = new Tenant(new WorkspaceId(c.string()), Mode.parse(c.string(), "mode"));
        EmailAddress email = new EmailAddress(c.string());
        SuppressionReason reason = SuppressionReason.parse(c.string(), "reason");
        return new Suppression(tenant, email, reason, c.string(), c.instant());
    }
}
