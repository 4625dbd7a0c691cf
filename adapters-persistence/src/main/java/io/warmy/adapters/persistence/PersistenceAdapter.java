package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbClient;
import io.warmy.application.common.UlidIds;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.health.port.out.HealthRecords;
import io.warmy.application.tracking.port.out.ServerSecrets;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.application.sending.port.out.SendCounters;
import io.warmy.application.sending.port.out.SendingSettings;
import io.warmy.application.suppression.port.out.Suppressions;
import io.warmy.application.idempotency.port.out.IdempotencyRecords;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.application.tenancy.port.out.Workspaces;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.application.webhook.port.out.Outbox;
import io.warmy.application.webhook.port.out.WebhookEndpoints;

/**
 * The persistence adapter as the composition root sees it: opens a MySQL, MariaDB or embedded H2
 * database, brings its schema up to date, and hands out the outbound storage ports, which all
 * share one connection pool and one notion of the current transaction. Its API speaks only JDK
 * and port types, so nothing of Helidon, JDBC or Flyway reaches the caller.
 */
public final class PersistenceAdapter implements AutoCloseable {

    private final DatabaseSettings settings;
    private final DbClient client;
    private final String schemaVersion;
    private final Transactions transactions;
    private final Workspaces workspaces;
    private final ApiKeys apiKeys;
    private final Mailboxes mailboxes;
    private final EventLog eventLog;
    private final WebhookEndpoints webhookEndpoints;
    private final Outbox outbox;
    private final DeliveryQueue deliveryQueue;
    private final Suppressions suppressions;
    private final SendCounters sendCounters;
    private final SendingSettings sendingSettings;
    private final WarmupActivity warmupActivity;
    private final HealthRecords healthRecords;
    private final ServerSecrets serverSecrets;
    private final QuotaLedger quotaLedger;
    private final IdempotencyRecords idempotencyRecords;
    private final DbTransactions dbTransactions;

    private PersistenceAdapter(DatabaseSettings settings, DbClient client, String schemaVersion) {
        this.settings = settings;
        this.schemaVersion = schemaVersion;
        this.client = client;
        // Shared work commits in groups on up to a quarter of the pool's connections, so the rest serve everything else.
        DbTransactions transactions = new DbTransactions(client, Math.max(1, settings.maxPoolSize() / 2));
        this.dbTransactions = transactions;
        Unavailability unavailability = new Unavailability();
        this.transactions = unavailability.guard(Transactions.class, transactions);
        this.workspaces = unavailability.guard(Workspaces.class, new DbWorkspaces(transactions));
        this.apiKeys = unavailability.guard(ApiKeys.class, new DbApiKeys(transactions));
        this.mailboxes = unavailability.guard(Mailboxes.class, new DbMailboxes(transactions));
        this.eventLog = unavailability.guard(EventLog.class, new DbEventLog(transactions));
        this.webhookEndpoints = unavailability.guard(WebhookEndpoints.class, new DbWebhookEndpoints(transactions));
        // Delivery ids only need to be unique and roughly time-ordered, so the wall clock serves.
        this.outbox = unavailability.guard(Outbox.class, new DbOutbox(transactions, new UlidIds(Clock.system())));
        this.deliveryQueue = unavailability.guard(DeliveryQueue.class, new DbDeliveryQueue(transactions));
        this.suppressions = unavailability.guard(Suppressions.class, new DbSuppressions(transactions));
        this.sendCounters = unavailability.guard(SendCounters.class, new DbSendCounters(transactions));
        this.sendingSettings = unavailability.guard(SendingSettings.class, new DbSendingSettings(transactions));
        this.warmupActivity = unavailability.guard(WarmupActivity.class, new DbWarmupActivity(transactions));
        this.healthRecords = unavailability.guard(HealthRecords.class, new DbHealthRecords(transactions));
        this.serverSecrets = unavailability.guard(ServerSecrets.class, new DbServerSecrets(transactions));
        this.quotaLedger = unavailability.guard(QuotaLedger.class, new DbQuotaLedger(transactions));
        this.idempotencyRecords = unavailability.guard(IdempotencyRecords.class, new DbIdempotencyRecords(transactions));
    }

    /**
     * Migrates the database to the current schema, then opens the connection pool.
     *
     * @throws IllegalStateException when the database cannot be reached or migrated, naming it and why
     */
    public static PersistenceAdapter open(DatabaseSettings settings) {
        migrate(settings);
        String schemaVersion = Migrations.latestKnownVersion(settings);
        try {
            return new PersistenceAdapter(settings, ConnectionPool.open(settings), schemaVersion);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not open a connection pool to " + settings + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies the pending migrations without opening a pool (the CLI's {@code migrate}); answers how many ran.
     *
     * @throws IllegalStateException when the database cannot be reached or migrated, naming it and why
     */
    public static int migrate(DatabaseSettings settings) {
        try {
            return Migrations.apply(settings);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not migrate the database " + settings + ": " + e.getMessage(), e);
        }
    }

    /** Applies migrations that appeared since this adapter opened; answers how many ran. */
    public int migrate() {
        return migrate(settings);
    }

    public Workspaces workspaces() {
        return workspaces;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public Mailboxes mailboxes() {
        return mailboxes;
    }

    public Transactions transactions() {
        return transactions;
    }

    public EventLog eventLog() {
        return eventLog;
    }

    public WebhookEndpoints webhookEndpoints() {
        return webhookEndpoints;
    }

    public Outbox outbox() {
        return outbox;
    }

    public DeliveryQueue deliveryQueue() {
        return deliveryQueue;
    }

    public Suppressions suppressions() {
        return suppressions;
    }

    public SendCounters sendCounters() {
        return sendCounters;
    }

    public SendingSettings sendingSettings() {
        return sendingSettings;
    }

    public WarmupActivity warmupActivity() {
        return warmupActivity;
    }

    public HealthRecords healthRecords() {
        return healthRecords;
    }

    public QuotaLedger quotaLedger() {
        return quotaLedger;
    }

    public IdempotencyRecords idempotencyRecords() {
        return idempotencyRecords;
    }

    public ServerSecrets serverSecrets() {
        return serverSecrets;
    }

    /** What readiness found: whether the database answers, and whether its schema is the one this build needs. */
    public record Readiness(boolean database, boolean schema) {
        public boolean ready() {
            return database && schema;
        }
    }

    /**
     * The readiness check: the database answers a query, and every migration this build knows is
     * applied and none failed. Newer migrations (another node already upgraded) are fine: they
     * are written to keep older nodes working, so a rolling upgrade keeps old nodes in service.
     * Never throws; bounded by the pool's connection timeout.
     */
    public Readiness readiness() {
        try {
            boolean schema = client.execute().get("SELECT COUNT(*) FROM flyway_schema_history WHERE version = ?"
                            + " AND success = TRUE", schemaVersion)
                    .map(row -> new Columns(row).longValue() == 1).orElse(false)
                    && client.execute().get("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE")
                    .map(row -> new Columns(row).longValue() == 0).orElse(false);
            return new Readiness(true, schema);
        } catch (RuntimeException e) {
            return new Readiness(false, false);
        }
    }

    /** How many webhook deliveries, of every tenant, wait to be sent: for operations' metrics. */
    public long pendingDeliveries() {
        return client.execute().get("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'")
                .map(row -> new Columns(row).longValue()).orElse(0L);
    }

    /** Whether {@link #readiness()} is all good. Never throws. */
    public boolean isReady() {
        return readiness().ready();
    }

    /** Closes the connection pool; the ports fail from then on. */
    @Override
    public void close() {
        client.close();
    }

    /** The transactions behind {@link #transactions()}, for this package's tests. */
    DbTransactions dbTransactions() {
        return dbTransactions;
    }
}
