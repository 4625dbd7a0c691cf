package io.warmy.adapters.persistence;

import io.warmy.application.sending.port.out.SendingSettings;
import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.tenancy.Tenant;

/** Tenants' sending limits in table {@code sending_settings}; a tenant without a row has the defaults. */
final class DbSendingSettings implements SendingSettings {

    private final DbTransactions db;

    DbSendingSettings(DbTransactions db) {
        this.db = db;
    }

    @Override
    public SendingLimits get(Tenant tenant) {
        return db.execute().get("SELECT domain_daily_limit FROM sending_settings WHERE workspace_id = ? AND mode = ?",
                        tenant.workspaceId().value(), tenant.mode().wireName())
                .map(row -> new SendingLimits(new Columns(row).integer()))
                .orElse(SendingLimits.DEFAULTS);
    }

    @Override
    public void put(Tenant tenant, SendingLimits limits) {
        db.execute().insert("INSERT INTO sending_settings (workspace_id, mode, domain_daily_limit) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE domain_daily_limit = ?",
                tenant.workspaceId().value(), tenant.mode().wireName(), limits.domainDailyLimit(),
                limits.domainDailyLimit());
    }
}
