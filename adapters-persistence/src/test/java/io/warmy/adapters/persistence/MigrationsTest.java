package io.warmy.adapters.persistence;

import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFreshDatabaseGetsEveryMigrationOnceAndARepeatAppliesNothing(Engine engine) {
        DatabaseSettings fresh = engine.fresh();

        assertThat(PersistenceAdapter.migrate(fresh)).isEqualTo(2);
        assertThat(PersistenceAdapter.migrate(fresh)).isZero();
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh)) {
            assertThat(adapter.migrate()).isZero();
            assertThat(adapter.workspaces().isEmpty()).isTrue();
            assertThat(adapter.mailboxes().list(Fixture.tenant(), Fixture.NO_FILTER, Fixture.NO_CURSOR, 1)).isEmpty();
            assertThat(adapter.apiKeys().findByHash("0".repeat(64))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void openingMigratesAFreshDatabaseByItself(Engine engine) {
        DatabaseSettings fresh = engine.fresh();
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh)) {
            assertThat(adapter.isReady()).isTrue();
            assertThat(adapter.workspaces().isEmpty()).isTrue();
        }
        assertThat(PersistenceAdapter.migrate(fresh)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMailboxFromBeforeConnectionTimesWereKeptCountsAsConnectedWhenItWasCreated(Engine engine) throws SQLException {
        DatabaseSettings fresh = engine.fresh();
        Flyway.configure(getClass().getClassLoader())
                .dataSource(fresh.jdbcUrl(), fresh.user(), fresh.password())
                .locations(Migrations.LOCATION)
                .target("1")
                .load()
                .migrate();
        Tenant tenant = Fixture.tenant();
        MailboxId id = MailboxId.fromUlid(Fixture.ulid());
        Instant created = Instant.parse("2025-12-01T08:00:00.250Z");
        try (Connection c = DriverManager.getConnection(fresh.jdbcUrl(), fresh.user(), fresh.password());
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO mailboxes (workspace_id, mode, id, email, provider, display_name, daily_limit, status,
                         warmup_status, warmup_daily_target, warmup_start_volume, warmup_ramp_up_per_day,
                         warmup_reply_rate, warmup_weekdays_only, warmup_days_before, warmup_sent_today,
                         created_at_ms, updated_at_ms, version)
                     VALUES (?, ?, ?, 'anna@acme.example', 'google', 'Anna', 50, 'connected',
                         'not_started', 40, 2, 2, 30, FALSE, 0, 0, ?, ?, 3)""")) {
            insert.setString(1, tenant.workspaceId().value());
            insert.setString(2, tenant.mode().wireName());
            insert.setString(3, id.value());
            insert.setLong(4, created.toEpochMilli());
            insert.setLong(5, created.plusSeconds(3600).toEpochMilli());
            insert.executeUpdate();
        }

        assertThat(PersistenceAdapter.migrate(fresh)).isEqualTo(1);
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh)) {
            Mailbox mailbox = adapter.mailboxes().find(tenant, id).orElseThrow();
            assertThat(mailbox.connectedAt()).isEqualTo(created);
            assertThat(mailbox.updatedAt()).isEqualTo(created.plusSeconds(3600));
            assertThat(mailbox.version()).isEqualTo(3);
        }
    }
}
