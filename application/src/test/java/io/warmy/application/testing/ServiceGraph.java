package io.warmy.application.testing;

import io.warmy.application.idempotency.service.IdempotencyService;
import io.warmy.application.tenancy.service.RequestQuotas;

import io.warmy.application.common.UlidIds;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.event.service.EventRecorder;
import io.warmy.application.event.service.SignalService;
import io.warmy.application.mailbox.service.MailboxService;
import io.warmy.application.mailbox.service.MailboxUpdates;
import io.warmy.application.sending.service.SendingService;
import io.warmy.application.suppression.service.SuppressionService;
import io.warmy.application.tenancy.service.ApiKeyAuthenticator;
import io.warmy.application.tenancy.service.TenancyService;
import io.warmy.application.tracking.service.TrackingService;
import io.warmy.application.warmup.service.WarmupReportService;
import io.warmy.application.warmup.service.WarmupService;
import io.warmy.application.webhook.port.out.EndpointUrlPolicy;
import io.warmy.application.webhook.service.WebhookService;

import io.warmy.domain.tracking.TrackingKeys;
import io.warmy.domain.tracking.TrackingTokens;

import java.time.Duration;
import java.util.Map;

/**
 * Every use case wired on one {@link Store}, as the composition root wires them, for the tests of
 * the services and of the inbound adapters.
 */
public record ServiceGraph(TenancyService tenancy, ApiKeyAuthenticator authenticator, MailboxService mailboxes,
                           WarmupService warmup, SuppressionService suppressions, SignalService signals,
                           SendingService sending, WebhookService webhooks, WarmupReportService warmupReports,
                           TrackingService tracking, RequestQuotas quotas, IdempotencyService idempotency) {

    /** Where the tracking links of these graphs point. */
    public static final String TRACKING_BASE_URL = "http://tracker.test";

    /** The key of these graphs' tracking links (tests may mint or tamper with tokens of their own). */
    public static final TrackingKeys TRACKING_KEYS = new TrackingKeys(Map.of("t1", new byte[32]));

    /** Lets every URL through: these graphs never send, and tests use addresses like hooks.example. */
    public static final EndpointUrlPolicy ANY_URL = url -> { };

    public static ServiceGraph on(Store store, Clock clock, Duration keyCache) {
        UlidIds ids = new UlidIds(clock);
        MailboxUpdates updates = new MailboxUpdates(store.mailboxes(), store.transactions());
        EventRecorder recorder = new EventRecorder(store.eventLog(), store.outbox(), clock);
        SuppressionService suppressions = new SuppressionService(store.suppressions(), recorder, store.transactions(), clock);
        WarmupReportService warmupReports = new WarmupReportService(updates, store.warmupActivity(),
                store.healthRecords(), recorder, store.transactions(), clock);
        SignalService signals = new SignalService(recorder, store.eventLog(), store.mailboxes(), suppressions,
                store.warmupActivity(), warmupReports, store.transactions(), clock);
        return new ServiceGraph(
                new TenancyService(store.workspaces(), store.apiKeys(), store.transactions(), ids, clock),
                new ApiKeyAuthenticator(store.apiKeys(), clock, keyCache),
                new MailboxService(store.mailboxes(), recorder, store.transactions(), ids, clock),
                new WarmupService(updates, store.warmupActivity(), clock),
                suppressions,
                signals,
                new SendingService(updates, store.suppressions(), store.sendCounters(), store.sendingSettings(), recorder,
                        store.transactions(), clock),
                new WebhookService(store.webhookEndpoints(), store.outbox(), store.deliveryQueue(), store.eventLog(),
                        ANY_URL, store.transactions(), ids, clock),
                warmupReports,
                new TrackingService(new TrackingTokens(TRACKING_KEYS), () -> TRACKING_BASE_URL, updates, signals, clock),
                new RequestQuotas(store.quotaLedger(), clock),
                new IdempotencyService(store.idempotencyRecords(), clock));
    }

    public static ServiceGraph on(Store store, Clock clock) {
        return on(store, clock, Duration.ofSeconds(2));
    }
}
