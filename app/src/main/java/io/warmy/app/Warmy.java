package io.warmy.app;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.warmy.adapters.grpc.GrpcApi;
import io.warmy.adapters.grpc.GrpcServer;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.PersistenceAdapter;
import io.warmy.adapters.rest.RestApi;
import io.warmy.application.common.UlidIds;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Ids;
import io.warmy.application.event.service.EventRecorder;
import io.warmy.application.event.service.SignalService;
import io.warmy.application.mailbox.service.MailboxService;
import io.warmy.application.mailbox.service.MailboxUpdates;
import io.warmy.application.sending.service.SendingService;
import io.warmy.application.suppression.service.SuppressionService;
import io.warmy.application.tenancy.port.in.ProvisionWorkspace;
import io.warmy.application.tenancy.service.ApiKeyAuthenticator;
import io.warmy.application.tenancy.service.TenancyService;
import io.warmy.application.warmup.service.WarmupService;


/**
 * The composition root: builds every adapter and use case from the configuration, by hand and
 * with constructors, and starts the REST and gRPC servers. Reading this class top to bottom is
 * reading the whole wiring.
 */
public final class Warmy implements AutoCloseable {

    private final PersistenceAdapter database;
    private final WebServer http;
    private final GrpcServer grpc;
    private final Services services;

    /** The use cases, wired on one database; the command line uses them without starting servers. */
    record Services(TenancyService tenancy, ApiKeyAuthenticator authenticator, MailboxService mailboxes,
                    WarmupService warmup, SuppressionService suppressions, SignalService signals,
                    SendingService sending) {

        static Services on(PersistenceAdapter db, Clock clock) {
            Ids ids = new UlidIds(clock);
            MailboxUpdates updates = new MailboxUpdates(db.mailboxes(), db.transactions());
            EventRecorder events = new EventRecorder(db.eventLog(), db.outbox(), clock);
            SuppressionService suppressions = new SuppressionService(db.suppressions(), events, db.transactions(), clock);
            return new Services(
                    new TenancyService(db.workspaces(), db.apiKeys(), db.transactions(), ids, clock),
                    new ApiKeyAuthenticator(db.apiKeys(), clock),
                    new MailboxService(db.mailboxes(), events, db.transactions(), ids, clock),
                    new WarmupService(updates, clock),
                    suppressions,
                    new SignalService(events, db.eventLog(), db.mailboxes(), suppressions, db.transactions(), clock),
                    new SendingService(updates, db.suppressions(), db.sendCounters(), db.sendingSettings(), events,
                            db.transactions(), clock));
        }
    }

    private Warmy(PersistenceAdapter database, Services services, WebServer http, GrpcServer grpc) {
        this.database = database;
        this.services = services;
        this.http = http;
        this.grpc = grpc;
    }

    /** Opens (and migrates) the database, then starts both servers. */
    public static Warmy start(WarmyConfig config, Clock clock) {
        requireTokenOffLoopback(config);
        PersistenceAdapter db = PersistenceAdapter.open(databaseSettings(config));
        try {
            Services s = Services.on(db, clock);
            RestApi api = new RestApi(new RestApi.UseCases(s.authenticator(), s.tenancy(), s.tenancy(), s.tenancy(),
                    s.tenancy(), s.mailboxes(), s.mailboxes(), s.mailboxes(), s.mailboxes(), s.mailboxes(),
                    s.warmup(), s.warmup(), s.warmup(), s.warmup(), s.signals(), s.signals(), s.suppressions(),
                    s.suppressions(), s.suppressions(), s.sending()), clock);
            WebServerConfig.Builder server = WebServer.builder()
                    .host(config.httpHost())
                    .port(config.httpPort())
                    .shutdownHook(false)
                    .routing(routing -> {
                        routing.register("/health", new HealthEndpoint(db::isReady));
                        api.register(routing);
                    });
            RestApi.configure(server); // the 1 MiB body limit, and problem bodies for errors before routing
            WebServer http = server.build().start();
            GrpcServer grpc;
            try {
                GrpcApi grpcApi = new GrpcApi(new GrpcApi.UseCases(s.mailboxes(), s.mailboxes(), s.mailboxes(),
                        s.mailboxes(), s.warmup(), s.warmup(), s.warmup(), s.warmup(), s.sending(), s.signals(),
                        s.suppressions(), s.suppressions(), s.tenancy()), clock);
                grpc = grpcApi.serve(new GrpcServer.Settings(config.grpcHost(), config.grpcPort(), config.grpcToken()));
            } catch (RuntimeException e) {
                http.stop();
                throw e;
            }
            return new Warmy(db, s, http, grpc);
        } catch (RuntimeException e) {
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

    @Override
    public void close() {
        grpc.close();
        http.stop();
        database.close();
    }
}
