package io.warmy.adapters.rest;

import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.event.port.in.GetEvent;
import io.warmy.application.event.port.in.ListEvents;
import io.warmy.application.event.port.in.TriggerSandboxEvent;
import io.warmy.application.health.port.in.GetHealth;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.mailbox.port.in.DisconnectMailbox;
import io.warmy.application.mailbox.port.in.GetMailbox;
import io.warmy.application.mailbox.port.in.ListMailboxes;
import io.warmy.application.mailbox.port.in.UpdateMailbox;
import io.warmy.application.sending.port.in.ManageSendingLimits;
import io.warmy.application.suppression.port.in.ListSuppressions;
import io.warmy.application.suppression.port.in.RemoveSuppression;
import io.warmy.application.suppression.port.in.SuppressAddress;
import io.warmy.application.idempotency.port.in.RememberResponses;
import io.warmy.application.tenancy.port.in.AdmitRequest;
import io.warmy.application.tenancy.port.in.AuthenticateApiKey;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.application.tenancy.port.in.GetWorkspace;
import io.warmy.application.tenancy.port.in.ListApiKeys;
import io.warmy.application.tenancy.port.in.RevokeApiKey;
import io.warmy.application.tracking.port.in.FollowLinks;
import io.warmy.application.warmup.port.in.GetStats;
import io.warmy.application.warmup.port.in.GetWarmupStatus;
import io.warmy.application.warmup.port.in.PauseWarmup;
import io.warmy.application.warmup.port.in.ResumeWarmup;
import io.warmy.application.warmup.port.in.UpdateWarmupSettings;
import io.warmy.application.webhook.port.in.ManageDeliveries;
import io.warmy.application.webhook.port.in.ManageWebhooks;

import java.util.Objects;

/**
 * The public REST API, {@code /api/v1}, as an inbound adapter: the composition root builds it from
 * the use cases and registers it on the routing of the server it owns. Registering also gives
 * every response of that routing an {@code X-Request-Id} and makes every failure, inside the API
 * or not, an {@code application/problem+json} answer.
 */
public final class RestApi {

    public static final String BASE_PATH = "/api/v1";

    /** Largest request body accepted (SPEC §8): 1 MiB. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    /**
     * Longest request line served (method, path, query): 16 KiB, so that a long or hostile id is
     * answered with a problem body naming it rather than the connection being dropped.
     */
    static final int MAX_REQUEST_LINE = 16 * 1024;

    static final String BODY_TOO_LARGE = "The request body is larger than " + MAX_BODY_BYTES + " bytes (1 MiB).";

    /** The use cases the API calls, one per inbound port, so that the composition root wires them by hand. */
    public record UseCases(AuthenticateApiKey authenticateApiKey, GetWorkspace getWorkspace, CreateApiKey createApiKey,
                           ListApiKeys listApiKeys, RevokeApiKey revokeApiKey, ConnectMailbox connectMailbox,
                           GetMailbox getMailbox, ListMailboxes listMailboxes, UpdateMailbox updateMailbox,
                           DisconnectMailbox disconnectMailbox, GetWarmupStatus getWarmupStatus,
                           PauseWarmup pauseWarmup, ResumeWarmup resumeWarmup,
                           UpdateWarmupSettings updateWarmupSettings, ListEvents listEvents, GetEvent getEvent,
                           SuppressAddress suppressAddress, ListSuppressions listSuppressions,
                           RemoveSuppression removeSuppression, ManageSendingLimits manageSendingLimits,
                           ManageWebhooks manageWebhooks, ManageDeliveries manageDeliveries, GetStats getStats,
                           GetHealth getHealth, FollowLinks followLinks, TriggerSandboxEvent triggerSandboxEvent,
                           AdmitRequest admitRequest, RememberResponses rememberResponses) {

        public UseCases {
            Objects.requireNonNull(authenticateApiKey, "authenticateApiKey");
            Objects.requireNonNull(getWorkspace, "getWorkspace");
            Objects.requireNonNull(createApiKey, "createApiKey");
            Objects.requireNonNull(listApiKeys, "listApiKeys");
            Objects.requireNonNull(revokeApiKey, "revokeApiKey");
            Objects.requireNonNull(connectMailbox, "connectMailbox");
            Objects.requireNonNull(getMailbox, "getMailbox");
            Objects.requireNonNull(listMailboxes, "listMailboxes");
            Objects.requireNonNull(updateMailbox, "updateMailbox");
            Objects.requireNonNull(disconnectMailbox, "disconnectMailbox");
            Objects.requireNonNull(getWarmupStatus, "getWarmupStatus");
            Objects.requireNonNull(pauseWarmup, "pauseWarmup");
            Objects.requireNonNull(resumeWarmup, "resumeWarmup");
            Objects.requireNonNull(updateWarmupSettings, "updateWarmupSettings");
            Objects.requireNonNull(listEvents, "listEvents");
            Objects.requireNonNull(getEvent, "getEvent");
            Objects.requireNonNull(suppressAddress, "suppressAddress");
            Objects.requireNonNull(listSuppressions, "listSuppressions");
            Objects.requireNonNull(removeSuppression, "removeSuppression");
            Objects.requireNonNull(manageSendingLimits, "manageSendingLimits");
            Objects.requireNonNull(manageWebhooks, "manageWebhooks");
            Objects.requireNonNull(manageDeliveries, "manageDeliveries");
            Objects.requireNonNull(getStats, "getStats");
            Objects.requireNonNull(getHealth, "getHealth");
            Objects.requireNonNull(followLinks, "followLinks");
            Objects.requireNonNull(triggerSandboxEvent, "triggerSandboxEvent");
            Objects.requireNonNull(admitRequest, "admitRequest");
            Objects.requireNonNull(rememberResponses, "rememberResponses");
        }
    }

    private final UseCases useCases;
    private final Clock clock;
    private final Json json = new Json();
    private RequestObserver observer = RequestObserver.NONE;
    private boolean rateLimited = true;

    /** An API that shows mailboxes' warmup days as of the system clock. */
    public RestApi(UseCases useCases) {
        this(useCases, Clock.system());
    }

    /** An API whose mailbox answers count warmup days up to today by {@code clock}, the clock the use cases run on. */
    public RestApi(UseCases useCases, Clock clock) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Lets {@code observer} see every exchange of the routing this API is registered on; call before registering. */
    /**
     * Switches the per-key rate limits off ({@code false}): requests are then neither counted nor
     * refused, and answers carry no rate-limit headers. On unless switched off.
     */
    public RestApi rateLimited(boolean enabled) {
        this.rateLimited = enabled;
        return this;
    }

    public RestApi observedBy(RequestObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * Registers the API's routes under {@value #BASE_PATH}, the public tracking routes ({@code /t}
     * and {@code /u}, outside the API and its authentication), the documentation ({@code /docs}),
     * the settings pages ({@code /settings}, static files that call the API), the request-id filter and the
     * problem error handler. The error handler answers for the whole routing, so a route the
     * composition root adds fails in the same shape, and an unknown path anywhere is a 404 problem;
     * the tracking routes answer their own failures with pages, for people rather than programs.
     */
    public void register(HttpRouting.Builder routing) {
        routing.addFilter(new RequestIds(observer))
                .addFilter(new QueryValidation())
                .error(Throwable.class, new ProblemMapper(json))
                .register(new ApiDocs())
                .register(new SettingsPages())
                .register(BASE_PATH, apiRoutes())
                .register(new TrackingRoutes(useCases.followLinks()));
    }

    /** The {@value #BASE_PATH} tree, built from the use cases: what the routing serves, and what the conformance test reads. */
    ApiRoutes apiRoutes() {
        Authentication authentication = new Authentication(useCases.authenticateApiKey());
        WorkspaceRoutes workspace = new WorkspaceRoutes(useCases.getWorkspace(), json);
        ApiKeyRoutes apiKeys = new ApiKeyRoutes(useCases.createApiKey(), useCases.listApiKeys(),
                useCases.revokeApiKey(), json);
        MailboxRoutes mailboxes = new MailboxRoutes(new MailboxRoutes.UseCases(useCases.connectMailbox(),
                useCases.getMailbox(), useCases.listMailboxes(), useCases.updateMailbox(),
                useCases.disconnectMailbox()), json, clock);
        WarmupRoutes warmup = new WarmupRoutes(new WarmupRoutes.UseCases(useCases.getWarmupStatus(),
                useCases.pauseWarmup(), useCases.resumeWarmup(), useCases.updateWarmupSettings()), json);
        EventRoutes events = new EventRoutes(useCases.listEvents(), useCases.getEvent(), json);
        SuppressionRoutes suppressions = new SuppressionRoutes(new SuppressionRoutes.UseCases(useCases.suppressAddress(),
                useCases.listSuppressions(), useCases.removeSuppression()), json);
        SendingLimitRoutes sendingLimits = new SendingLimitRoutes(useCases.manageSendingLimits(), json);
        WebhookRoutes webhooks = new WebhookRoutes(useCases.manageWebhooks(), json);
        DeliveryRoutes deliveries = new DeliveryRoutes(useCases.manageDeliveries(), json);
        StatsRoutes stats = new StatsRoutes(useCases.getStats(), json);
        HealthRoutes health = new HealthRoutes(useCases.getHealth(), json);
        Handler rateLimits = rateLimited ? new RateLimits(useCases.admitRequest()) : (req, res) -> res.next();
        return new ApiRoutes(authentication, rateLimits,
                new Idempotency(useCases.rememberResponses()), workspace, apiKeys, mailboxes, warmup, stats, health,
                events, suppressions, sendingLimits, webhooks, deliveries,
                new SandboxRoutes(useCases.triggerSandboxEvent(), json));
    }

    /**
     * Applies the API's server settings to a server (or listener) the composition root builds:
     * bodies over {@link #MAX_BODY_BYTES} are refused before they are read, failures the server
     * answers before routing get problem bodies too, and query strings are checked by the API's
     * {@link QueryValidation} instead of the server, whose check refuses the ':' of a time such as
     * {@code since=2026-03-20T14:30:00Z}.
     */
    public static void configure(WebServerConfig.Builder server) {
        DirectHandler problems = new ProblemDirectHandler(new Json());
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, problems);
        }
        server.maxPayloadSize(MAX_BODY_BYTES)
                .directHandlers(handlers.build())
                .addProtocol(Http1Config.builder().validatePrologue(false).maxPrologueLength(MAX_REQUEST_LINE).build());
    }

    /** Serves the API alone on {@code port} (0 picks a free one), counting warmup days by the system clock. */
    public static RestServer start(int port, UseCases useCases) {
        return start(port, useCases, Clock.system());
    }

    /** Serves the API alone on {@code port} (0 picks a free one): for tests and tools that need no other route. */
    public static RestServer start(int port, UseCases useCases, Clock clock) {
        RestApi api = new RestApi(useCases, clock);
        WebServerConfig.Builder server = WebServer.builder().port(port).shutdownHook(false);
        configure(server);
        server.routing(api::register);
        return new RestServer(server.build().start());
    }
}
