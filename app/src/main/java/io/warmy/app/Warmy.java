package io.warmy.app;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.warmy.adapters.grpc.GrpcApi;
import io.warmy.adapters.grpc.GrpcServer;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.PersistenceAdapter;
import io.warmy.adapters.webhook.DeliveryWorker;
import io.warmy.adapters.webhook.HttpWebhookTransport;
import io.warmy.adapters.webhook.NetworkUrlPolicy;
import io.warmy.adapters.rest.RestApi;
import io.warmy.application.common.UlidIds;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Ids;
import io.warmy.application.common.port.out.Telemetry;
import io.warmy.application.event.service.EventRecorder;
import io.warmy.application.event.service.SignalService;
import io.warmy.application.mailbox.service.MailboxService;
import io.warmy.application.mailbox.service.MailboxUpdates;
import io.warmy.application.sending.service.SendingService;
import io.warmy.application.suppression.service.SuppressionService;
import io.warmy.application.tenancy.port.in.ProvisionWorkspace;
import io.warmy.application.tenancy.service.ApiKeyAuthenticator;
import io.warmy.application.tenancy.service.RequestQuotas;
import io.warmy.application.tenancy.service.TenancyService;
import io.warmy.application.idempotency.service.IdempotencyService;
import io.warmy.application.tracking.service.TrackingService;
import io.warmy.application.warmup.service.WarmupReportService;
import io.warmy.domain.tracking.TrackingKeys;
import io.warmy.domain.tracking.TrackingTokens;
import io.warmy.application.warmup.service.WarmupService;
import io.warmy.application.webhook.port.out.EndpointUrlPolicy;
import io.warmy.application.webhook.port.out.WebhookTransport;
import io.warmy.application.webhook.service.DispatchService;
import io.warmy.application.webhook.service.WebhookService;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;


/**
 * The composition root: builds every adapter and use case from the configuration, by hand and
 * with constructors, and starts the REST and gRPC servers. Reading this class top to bottom is
 * reading the whole wiring.
 */
public final class Warmy implements AutoCloseable {

    private final PersistenceAdapter database;
    private final HttpWebhookTransport transport;
    private final Optional<DeliveryWorker> worker;
    private final WebServer http;
    private final GrpcServer grpc;
    private final Services services;

    /** The use cases, wired on one database; the command line uses them without starting servers. */
    record Services(TenancyService tenancy, ApiKeyAuthenticator authenticator, MailboxService mailboxes,
                    WarmupService warmup, SuppressionService suppressions, SignalService signals,
                    SendingService sending, WebhookService webhooks, DispatchService dispatch,
                    WarmupReportService warmupReports, TrackingService tracking, RequestQuotas quotas,
                    IdempotencyService idempotency) {

        static Services on(PersistenceAdapter db, Clock clock, EndpointUrlPolicy urlPolicy, WebhookTransport transport,
                           TrackingKeys trackingKeys, Supplier<String> trackingBaseUrl, Telemetry telemetry) {
            Ids ids = new UlidIds(clock);
            MailboxUpdates updates = new MailboxUpdates(db.mailboxes(), db.transactions());
            EventRecorder events = new EventRecorder(db.eventLog(), db.outbox(), clock, telemetry);
            SuppressionService suppressions = new SuppressionService(db.suppressions(), events, db.transactions(), clock);
            WarmupReportService warmupReports = new WarmupReportService(updates, db.warmupActivity(),
                    db.healthRecords(), events, db.transactions(), clock);
            SignalService signals = new SignalService(events, db.eventLog(), db.mailboxes(), suppressions,
                    db.warmupActivity(), warmupReports, db.transactions(), clock);
            return new Services(
                    new TenancyService(db.workspaces(), db.apiKeys(), db.transactions(), ids, clock),
                    new ApiKeyAuthenticator(db.apiKeys(), clock),
                    new MailboxService(db.mailboxes(), events, db.transactions(), ids, clock),
                    new WarmupService(updates, db.warmupActivity(), clock),
                    suppressions,
                    signals,
                    new SendingService(updates, db.suppressions(), db.sendCounters(), db.sendingSettings(), events,
                            db.transactions(), clock),
                    new WebhookService(db.webhookEndpoints(), db.outbox(), db.deliveryQueue(), db.eventLog(), urlPolicy,
                            db.transactions(), ids, clock),
                    new DispatchService(db.deliveryQueue(), db.webhookEndpoints(), db.eventLog(), transport,
                            db.transactions(), clock, new SecureRandom(), telemetry),
                    warmupReports,
                    new TrackingService(new TrackingTokens(trackingKeys), trackingBaseUrl, updates, signals, clock),
                    new RequestQuotas(db.quotaLedger(), clock),
                    new IdempotencyService(db.idempotencyRecords(), clock));
        }

        /** The use cases without the network: for the command line, which sends no webhook. */
        static Services on(PersistenceAdapter db, Clock clock) {
            EndpointUrlPolicy policy = new NetworkUrlPolicy(NetworkUrlPolicy.Settings.PUBLIC_ONLY);
            return on(db, clock, policy, (event, url, secrets, at) -> {
                throw new IllegalStateException("the command line delivers no webhooks");
            }, trackingKeys(WarmyConfig.Tracking.DEFAULTS, db), () -> "http://localhost:8080", Telemetry.NONE);
        }
    }

    private Warmy(PersistenceAdapter database, HttpWebhookTransport transport, Optional<DeliveryWorker> worker,
                  Services services, WebServer http, GrpcServer grpc) {
        this.database = database;
        this.transport = transport;
        this.worker = worker;
        this.services = services;
        this.http = http;
        this.grpc = grpc;
    }

    /** Opens (and migrates) the database, then starts both servers. */
    public static Warmy start(WarmyConfig config, Clock clock) {
        requireTokenOffLoopback(config);
        PersistenceAdapter db = PersistenceAdapter.open(databaseSettings(config));
        NetworkUrlPolicy urlPolicy = new NetworkUrlPolicy(new NetworkUrlPolicy.Settings(
                config.webhooks().allowLoopback(), config.webhooks().allowPrivate()));
        HttpWebhookTransport transport = new HttpWebhookTransport(HttpWebhookTransport.Settings.defaults(urlPolicy));
        try {
            // The server learns its own port only once it listens (port 0 in tests).
            AtomicReference<String> ownAddress = new AtomicReference<>("http://localhost:" + config.httpPort());
            Supplier<String> trackingBase = () -> config.tracking().baseUrl().orElseGet(ownAddress::get);
            Metrics metrics = new Metrics();
            Services s = Services.on(db, clock, urlPolicy, transport, trackingKeys(config.tracking(), db), trackingBase,
                    metrics);
            metrics.withPendingDeliveries(db::pendingDeliveries).withRateLimitRefusals(s.quotas()::refused);
            RestApi api = new RestApi(new RestApi.UseCases(s.authenticator(), s.tenancy(), s.tenancy(), s.tenancy(),
                    s.tenancy(), s.mailboxes(), s.mailboxes(), s.mailboxes(), s.mailboxes(), s.mailboxes(),
                    s.warmup(), s.warmup(), s.warmup(), s.warmup(), s.signals(), s.signals(), s.suppressions(),
                    s.suppressions(), s.suppressions(), s.sending(), s.webhooks(), s.webhooks(), s.warmupReports(),
                    s.warmupReports(), s.tracking(), s.signals(), s.quotas(), s.idempotency()), clock)
                    .rateLimited(config.rateLimits())
                    .observedBy(AccessLog.both(metrics, new AccessLog()));
            WebServerConfig.Builder server = WebServer.builder()
                    .host(config.httpHost())
                    .port(config.httpPort())
                    .shutdownHook(false)
                    .routing(routing -> {
                        routing.register("/health", new HealthEndpoint(db::readiness));
                        routing.get("/metrics", (req, res) -> {
                            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                            res.send(metrics.scrape());
                        });
                        api.register(routing);
                    });
            RestApi.configure(server); // the 1 MiB body limit, and problem bodies for errors before routing
            WebServer http = server.build().start();
            ownAddress.set("http://localhost:" + http.port());
            GrpcServer grpc;
            try {
                GrpcApi grpcApi = new GrpcApi(new GrpcApi.UseCases(s.mailboxes(), s.mailboxes(), s.mailboxes(),
                        s.mailboxes(), s.warmup(), s.warmup(), s.warmup(), s.warmup(), s.sending(), s.signals(),
                        s.suppressions(), s.suppressions(), s.tenancy(), s.warmupReports(), s.tracking()), clock);
                grpc = grpcApi.serve(new GrpcServer.Settings(config.grpcHost(), config.grpcPort(), config.grpcToken()));
            } catch (RuntimeException e) {
                http.stop();
                throw e;
            }
            Optional<DeliveryWorker> worker = config.webhooks().deliver()
                    ? Optional.of(new DeliveryWorker(s.dispatch(),
                    workerSettings(Duration.ofSeconds(config.webhooks().leaseSeconds()))).start())
                    : Optional.empty();
            return new Warmy(db, transport, worker, s, http, grpc);
        } catch (RuntimeException e) {
            transport.close();
            db.close();
            throw e;
        }
    }

    /**
     * The internal API trusts its callers (AdminService mints keys), so it is reachable without a
     * token only from this machine.
     */
    static void requireTokenOffLoopback(WarmyConfig config) {
        boolean loopback;
        try {
            loopback = java.net.InetAddress.getByName(config.grpcHost()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("warmy.grpc.host (WARMY_GRPC_HOST) '" + config.grpcHost()
                    + "' cannot be resolved.", e);
        }
        if (!loopback && config.grpcToken().isEmpty()) {
            throw new IllegalArgumentException("The gRPC API listens on " + config.grpcHost()
                    + ", beyond this machine: set WARMY_GRPC_TOKEN so that callers must present it.");
        }
    }

    /**
     * 32 attempts in flight per node, at most 4 to one endpoint; a claim is this node's for
     * {@code lease} (60 s by default), well past the 10 s delivery timeout, and an idle node looks
     * for due work every 100 ms.
     */
    static DeliveryWorker.Settings workerSettings(Duration lease) {
        String owner = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return new DeliveryWorker.Settings(owner, 32, 4, lease, Duration.ofMillis(100));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * The configured keys ({@code id:base64,…}, current first), or the installation's own key,
     * made on first start and kept in the database so every node signs and verifies alike.
     */
    static TrackingKeys trackingKeys(WarmyConfig.Tracking tracking, PersistenceAdapter db) {
        if (tracking.keys().isEmpty()) {
            byte[] candidate = new byte[32];
            new SecureRandom().nextBytes(candidate);
            return new TrackingKeys(Map.of("db1", db.serverSecrets().getOrCreate("tracking-key-db1", candidate)));
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : tracking.keys().get().split(",")) {
            String[] idAndKey = entry.trim().split(":", 2);
            try {
                keys.put(idAndKey[0], Base64.getDecoder().decode(idAndKey[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("warmy.tracking.keys (WARMY_TRACKING_KEYS) must be 'id:base64,…'.");
            }
        }
        try {
            return new TrackingKeys(keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warmy.tracking.keys (WARMY_TRACKING_KEYS): " + e.getMessage() + ".");
        }
    }

    static DatabaseSettings databaseSettings(WarmyConfig config) {
        return config.dbUrl()
                .map(url -> new DatabaseSettings(url, config.dbUser(), config.dbPassword(), config.dbPoolSize()))
                .orElseGet(() -> DatabaseSettings.embeddedH2(config.dataDir()));
    }

    public ProvisionWorkspace provisioning() {
        return services.tenancy();
    }

    public int httpPort() {
        return http.port();
    }

    public int grpcPort() {
        return grpc.port();
    }

    /** Stops taking work first, then lets deliveries in flight settle, then closes the database. */
    @Override
    public void close() {
        grpc.close();
        http.stop();
        worker.ifPresent(DeliveryWorker::close);
        transport.close();
        database.close();
    }
}
