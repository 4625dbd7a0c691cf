package io.warmy.adapters.persistence;

import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.health.port.out.HealthRecords;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.application.sending.port.out.SendCounters;
import io.warmy.application.sending.port.out.SendingSettings;
import io.warmy.application.suppression.port.out.Suppressions;
import io.warmy.application.idempotency.port.out.IdempotencyRecords;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.application.tenancy.port.out.Workspaces;
import io.warmy.application.testing.Store;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.application.webhook.port.out.Outbox;
import io.warmy.application.webhook.port.out.WebhookEndpoints;

/**
 * The adapter as the contract suites want it: one adapter per test database for the whole run
 * (opening one migrates and starts a pool), with every table emptied before each test.
 */
final class Stores {

    private static PersistenceAdapter h2;
    private static PersistenceAdapter mariaDb;

    private Stores() {
    }

    static synchronized Store h2() {
        if (h2 == null) {
            h2 = open(TestDatabases.h2());
        }
        return emptied(h2, TestDatabases.h2());
    }

    static synchronized Store mariaDb() {
        if (mariaDb == null) {
            mariaDb = open(TestDatabases.mariaDb());
        }
        return emptied(mariaDb, TestDatabases.mariaDb());
    }

    private static PersistenceAdapter open(DatabaseSettings settings) {
        PersistenceAdapter adapter = PersistenceAdapter.open(settings);
        TestDatabases.closeAtExit(adapter);
        return adapter;
    }

    private static Store emptied(PersistenceAdapter adapter, DatabaseSettings settings) {
        TestDatabases.deleteAllRows(settings);
        return new Store() {
            @Override
            public Workspaces workspaces() {
                return adapter.workspaces();
            }

            @Override
            public ApiKeys apiKeys() {
                return adapter.apiKeys();
            }

            @Override
            public Mailboxes mailboxes() {
                return adapter.mailboxes();
            }

            @Override
            public Transactions transactions() {
                return adapter.transactions();
            }

            @Override
            public EventLog eventLog() {
                return adapter.eventLog();
            }

            @Override
            public WebhookEndpoints webhookEndpoints() {
                return adapter.webhookEndpoints();
            }

            @Override
            public Outbox outbox() {
                return adapter.outbox();
            }

            @Override
            public DeliveryQueue deliveryQueue() {
                return adapter.deliveryQueue();
            }

            @Override
            public Suppressions suppressions() {
                return adapter.suppressions();
            }

            @Override
            public SendCounters sendCounters() {
                return adapter.sendCounters();
            }

            @Override
            public SendingSettings sendingSettings() {
                return adapter.sendingSettings();
            }

            @Override
            public WarmupActivity warmupActivity() {
                return adapter.warmupActivity();
            }

            @Override
            public HealthRecords healthRecords() {
                return adapter.healthRecords();
            }

            @Override
            public QuotaLedger quotaLedger() {
                return adapter.quotaLedger();
            }

            @Override
            public IdempotencyRecords idempotencyRecords() {
                return adapter.idempotencyRecords();
            }
        };
    }
}
