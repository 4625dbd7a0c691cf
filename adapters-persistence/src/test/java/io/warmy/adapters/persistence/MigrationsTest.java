package io.warmy.adapters.persistence;

import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.domain.event.EventType;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.WarmupSettings;
import io.warmy.domain.warmup.WarmupState;
import io.warmy.domain.warmup.WarmupStatus;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.DeliveryOutcome;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;
import io.warmy.domain.webhook.WebhookSecret;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFreshDatabaseGetsEveryMigrationOnceAndARepeatAppliesNothing(Engine engine) {
        DatabaseSettings fresh = engine.fresh();

        assertThat(PersistenceAdapter.migrate(fresh)).as("V1, V2, V3, 3.1, V4 to V8").isEqualTo(9);
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

        assertThat(PersistenceAdapter.migrate(fresh)).as("V2, V3, 3.1, V4 to V8").isEqualTo(8);
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh)) {
            Mailbox mailbox = adapter.mailboxes().find(tenant, id).orElseThrow();
            assertThat(mailbox.connectedAt()).isEqualTo(created);
            assertThat(mailbox.updatedAt()).isEqualTo(created.plusSeconds(3600));
            assertThat(mailbox.version()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void endpointsAndDeliveriesFromBeforeV3GetSecretsOfTheirOwnAndWorkOn(Engine engine) throws SQLException {
        DatabaseSettings fresh = engine.fresh();
        Flyway.configure(getClass().getClassLoader())
                .dataSource(fresh.jdbcUrl(), fresh.user(), fresh.password())
                .locations(Migrations.LOCATION)
                .target("2")
                .load()
                .migrate();
        Tenant tenant = Fixture.tenant();
        WebhookEndpointId enabled = WebhookEndpointId.fromUlid(Fixture.ulid());
        WebhookEndpointId disabled = WebhookEndpointId.fromUlid(Fixture.ulid());
        DeliveryId deliveryId = DeliveryId.fromUlid(Fixture.ulid());
        Instant created = Instant.parse("2026-01-05T09:00:00.500Z");
        try (Connection c = DriverManager.getConnection(fresh.jdbcUrl(), fresh.user(), fresh.password());
             PreparedStatement endpoint = c.prepareStatement("""
                     INSERT INTO webhook_endpoints (workspace_id, mode, id, url, event_types, description, enabled,
                         disabled_reason, created_at_ms)
                     VALUES (?, ?, ?, 'https://hooks.example/a', 'email.clicked,reply.received', 'old one', ?, ?, ?)""");
             PreparedStatement delivery = c.prepareStatement("""
                     INSERT INTO deliveries (workspace_id, mode, id, endpoint_id, event_id, event_type, status,
                         attempts, next_attempt_at_ms, created_at_ms)
                     VALUES (?, ?, ?, ?, ?, 'email.clicked', 'pending', 0, ?, ?)""")) {
            for (WebhookEndpointId id : List.of(enabled, disabled)) {
                endpoint.setString(1, tenant.workspaceId().value());
                endpoint.setString(2, tenant.mode().wireName());
                endpoint.setString(3, id.value());
                endpoint.setBoolean(4, id.equals(enabled));
                endpoint.setString(5, id.equals(enabled) ? null : WebhookEndpoint.DISABLED_GONE);
                endpoint.setLong(6, created.toEpochMilli());
                endpoint.executeUpdate();
            }
            delivery.setString(1, tenant.workspaceId().value());
            delivery.setString(2, tenant.mode().wireName());
            delivery.setString(3, deliveryId.value());
            delivery.setString(4, enabled.value());
            delivery.setString(5, Fixture.eventId().value());
            delivery.setLong(6, created.toEpochMilli());
            delivery.setLong(7, created.toEpochMilli());
            delivery.executeUpdate();
        }

        assertThat(PersistenceAdapter.migrate(fresh)).as("V3, 3.1, V4 to V8").isEqualTo(7);
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh)) {
            WebhookEndpoint on = adapter.webhookEndpoints().find(tenant, enabled).orElseThrow();
            WebhookEndpoint off = adapter.webhookEndpoints().find(tenant, disabled).orElseThrow();
            assertThat(on.secret()).isNotEqualTo(off.secret());
            assertThat(on.signingSecrets(created)).singleElement().asString().startsWith(WebhookSecret.PREFIX);
            assertThat(on.subscription()).isEqualTo(Subscription.of(Set.of(EventType.EMAIL_CLICKED,
                    EventType.REPLY_RECEIVED)));
            assertThat(on.createdAt()).isEqualTo(created);
            assertThat(on.updatedAt()).isEqualTo(created);
            assertThat(on.previousSecret()).isNull();
            assertThat(on.failingSince()).isNull();
            assertThat(on.enabled()).isTrue();
            assertThat(off.enabled()).isFalse();
            assertThat(off.disabledReason()).isEqualTo(WebhookEndpoint.DISABLED_GONE);

            DeliveryQueue queue = adapter.deliveryQueue();
            Delivery delivery = queue.find(tenant, deliveryId).orElseThrow();
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.lastStatusCode()).isNull();
            assertThat(queue.claim("node-a", created, created.plusSeconds(30), 10)).containsExactly(delivery);
            DeliveryOutcome ok = DeliveryOutcome.answered(200, Duration.ofMillis(9), "thanks", Optional.empty());
            assertThat(queue.complete(delivery.after(ok, DeliveryStatus.SUCCEEDED, null),
                    Optional.of(DeliveryAttempt.of(delivery, created, ok)), "node-a")).isTrue();
            assertThat(queue.attempts(tenant, deliveryId)).hasSize(1);
        }
        try (Connection c = DriverManager.getConnection(fresh.jdbcUrl(), fresh.user(), fresh.password());
             PreparedStatement withoutSecret = c.prepareStatement("""
                     INSERT INTO webhook_endpoints (workspace_id, mode, id, url, event_types, description, enabled,
                         secret, created_at_ms, updated_at_ms)
                     VALUES ('ws_x', 'live', 'we_x', 'https://hooks.example/x', '*', '', TRUE, NULL, 1, 1)""")) {
            assertThatThrownBy(withoutSecret::executeUpdate).as("secret is required from 3.1 on")
                    .isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWarmingMailboxFromBeforeV4KeepsItsWarmupAndCountsItsSendsInTheDailyCounters(Engine engine)
            throws SQLException {
        DatabaseSettings fresh = engine.fresh();
        Flyway.configure(getClass().getClassLoader())
                .dataSource(fresh.jdbcUrl(), fresh.user(), fresh.password())
                .locations(Migrations.LOCATION)
                .javaMigrations(new SecretsForEarlierEndpoints())
                .target("3.1")
                .load()
                .migrate();
        Tenant tenant = Fixture.tenant();
        MailboxId id = MailboxId.fromUlid(Fixture.ulid());
        Instant created = Instant.parse("2026-02-02T08:00:00.250Z");
        try (Connection c = DriverManager.getConnection(fresh.jdbcUrl(), fresh.user(), fresh.password());
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO mailboxes (workspace_id, mode, id, email, provider, display_name, daily_limit, status,
                         warmup_status, warmup_daily_target, warmup_start_volume, warmup_ramp_up_per_day,
                         warmup_reply_rate, warmup_weekdays_only, warmup_days_before, warmup_active_since,
                         warmup_paused_on, warmup_sent_today, warmup_sent_on, created_at_ms, updated_at_ms, version,
                         connected_at_ms)
                     VALUES (?, ?, ?, 'anna@acme.example', 'google', 'Anna', 50, 'connected',
                         'active', 40, 2, 2, 30, TRUE, 3, DATE '2026-02-10', DATE '2026-02-09', 7, DATE '2026-02-12',
                         ?, ?, 5, ?)""")) {
            insert.setString(1, tenant.workspaceId().value());
            insert.setString(2, tenant.mode().wireName());
            insert.setString(3, id.value());
            insert.setLong(4, created.toEpochMilli());
            insert.setLong(5, created.plusSeconds(60).toEpochMilli());
            insert.setLong(6, created.toEpochMilli());
            insert.executeUpdate();
        }

        assertThat(PersistenceAdapter.migrate(fresh)).as("V4 to V8").isEqualTo(5);
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh)) {
            Mailbox mailbox = adapter.mailboxes().find(tenant, id).orElseThrow();
            assertThat(mailbox.warmup()).isEqualTo(new WarmupState(WarmupStatus.ACTIVE,
                    new WarmupSettings(40, 2, 2, 30, true), 3, LocalDate.parse("2026-02-10"),
                    LocalDate.parse("2026-02-09"), null, null));
            assertThat(mailbox.version()).isEqualTo(5);
            assertThat(adapter.mailboxes().update(mailbox.withVersion(mailbox.version()))).isTrue();
            assertThat(adapter.warmupActivity().days(tenant, id, LocalDate.parse("2026-02-01"),
                    LocalDate.parse("2026-02-28"))).isEmpty();
            assertThat(adapter.healthRecords().find(tenant, id)).isEmpty();
        }
    }
}
