package io.warmy.adapters.persistence;

import io.warmy.domain.webhook.WebhookSecret;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 3.1: gives every webhook endpoint stored before V3 a random signing secret of its own,
 * then makes the secret required. It is Java because no SQL function makes secure random bytes on
 * MySQL, MariaDB and H2 alike. The customer has never seen such a secret; rotating it shows one.
 */
final class SecretsForEarlierEndpoints implements JavaMigration {

    /** The key of one endpoint row. */
    private record Key(String workspaceId, String mode, String id) {
    }

    private final SecureRandom random = new SecureRandom();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3.1");
    }

    @Override
    public String getDescription() {
        return "secrets for endpoints stored before V3";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<Key> keys = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT workspace_id, mode, id FROM webhook_endpoints WHERE secret IS NULL")) {
            while (rs.next()) {
                keys.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE webhook_endpoints SET secret = ? WHERE workspace_id = ? AND mode = ? AND id = ?")) {
            for (Key key : keys) {
                update.setString(1, newSecret());
                update.setString(2, key.workspaceId());
                update.setString(3, key.mode());
                update.setString(4, key.id());
                update.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE webhook_endpoints MODIFY secret VARCHAR(128) NOT NULL");
        }
    }

    private String newSecret() {
        byte[] key = new byte[WebhookSecret.RANDOM_BYTES];
        random.nextBytes(key);
        return WebhookSecret.fromRandom(key).reveal();
    }
}
