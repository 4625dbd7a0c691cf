package io.warmy.application.testing;

import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.health.port.out.HealthRecords;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.application.sending.port.out.SendCounters;
import io.warmy.application.sending.port.out.SendingSettings;
import io.warmy.application.suppression.port.out.Suppressions;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.application.webhook.port.out.Outbox;
import io.warmy.application.webhook.port.out.WebhookEndpoints;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.application.idempotency.port.out.IdempotencyRecords;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.application.tenancy.port.out.Workspaces;

/**
 * One implementation of every outbound storage port, sharing one store, as an adapter provides
 * it. The contract suites run against a {@code Store}; an adapter proves itself by handing
 * them its own.
 */
public interface Store {

    Workspaces workspaces();

    ApiKeys apiKeys();

    Mailboxes mailboxes();

    Transactions transactions();

    EventLog eventLog();

    WebhookEndpoints webhookEndpoints();

    Outbox outbox();

    DeliveryQueue deliveryQueue();

    Suppressions suppressions();

    SendCounters sendCounters();

    SendingSettings sendingSettings();

    WarmupActivity warmupActivity();

    HealthRecords healthRecords();

    QuotaLedger quotaLedger();

    IdempotencyRecords idempotencyRecords();
}
