package io.warmy.adapters.persistence;

import io.warmy.application.tracking.port.out.ServerSecrets;

import java.util.Base64;

/**
 * The installation's secrets in {@code server_secrets}: an idempotent upsert stores the first
 * candidate, so nodes racing to create one all read the winner's.
 */
final class DbServerSecrets implements ServerSecrets {

    private final DbTransactions db;

    DbServerSecrets(DbTransactions db) {
        this.db = db;
    }

    @Override
    public byte[] getOrCreate(String name, byte[] candidate) {
        return db.inTransaction(() -> {
            db.execute().insert("INSERT INTO server_secrets (name, secret, created_at_ms) VALUES (?, ?, ?)"
                            + " ON DUPLICATE KEY UPDATE name = name",
                    name, Base64.getEncoder().encodeToString(candidate), System.currentTimeMillis());
            String stored = db.execute().get("SELECT secret FROM server_secrets WHERE name = ?", name)
                    .map(row -> new Columns(row).string())
                    .orElseThrow(() -> new IllegalStateException("server secret '" + name + "' vanished"));
            return Base64.getDecoder().decode(stored);
        });
    }
}
