package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code /api/v1} tree: every request passes the {@link Authentication} gate first, then its
 * key's {@link RateLimits}, then (a POST with an {@code Idempotency-Key}) {@link Idempotency}, then
 * the routes of its resource. A path a resource knows but a method it does not take is a 405 that
 * says which methods it does take.
 */
final class ApiRoutes implements HttpService {

    private final Authentication authentication;
    private final Handler rateLimits;
    private final Idempotency idempotency;
    private final WorkspaceRoutes workspace;
    private final ApiKeyRoutes apiKeys;
    private final MailboxRoutes mailboxes;
    private final WarmupRoutes warmup;
    private final StatsRoutes stats;
    private final HealthRoutes health;
    private final EventRoutes events;
    private final SuppressionRoutes suppressions;
    private final SendingLimitRoutes sendingLimits;
    private final WebhookRoutes webhooks;
    private final DeliveryRoutes deliveries;
    private final SandboxRoutes sandbox;

    ApiRoutes(Authentication authentication, Handler rateLimits, Idempotency idempotency, WorkspaceRoutes workspace, ApiKeyRoutes apiKeys, MailboxRoutes mailboxes,
              WarmupRoutes warmup, StatsRoutes stats, HealthRoutes health, EventRoutes events,
              SuppressionRoutes suppressions, SendingLimitRoutes sendingLimits, WebhookRoutes webhooks,
              DeliveryRoutes deliveries, SandboxRoutes sandbox) {
        this.authentication = authentication;
        this.rateLimits = rateLimits;
        this.idempotency = idempotency;
        this.workspace = workspace;
        this.apiKeys = apiKeys;
        this.mailboxes = mailboxes;
        this.warmup = warmup;
        this.stats = stats;
        this.health = health;
        this.events = events;
        this.suppressions = suppressions;
        this.sendingLimits = sendingLimits;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.sandbox = sandbox;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(authentication)
                .any(rateLimits)
                .any(idempotency)
                .register("/workspace", workspace)
                .register("/api-keys", apiKeys)
                .register("/mailboxes", mailboxes, warmup, stats, health)
                .register("/events", events)
                .register("/suppressions", suppressions)
                .register("/sending-limits", sendingLimits)
                .register("/webhooks", webhooks, deliveries)
                .register("/sandbox", sandbox);
    }

    /** A handler for the methods a path does not take; register it after the path's own handlers. */
    static Handler otherMethods(Method... allowed) {
        List<String> names = Arrays.stream(allowed).map(Method::text).toList();
        return (req, res) -> {
            throw HttpProblem.methodNotAllowed(req.prologue().method().text(), names);
        };
    }
}
