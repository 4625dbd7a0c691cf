package io.warmy.adapters.rest;

import io.warmy.application.webhook.port.in.ManageDeliveries;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;

import java.util.List;

/**
 * One event's delivery to one endpoint, with every attempt made so far, oldest first, so the
 * delivery log answers "what did my endpoint say, and how fast" without another call.
 * {@code nextAttemptAt} is null once the delivery has succeeded or failed for good.
 */
record DeliveryJson(String id, String eventId, String eventType, String status, int attempts, String nextAttemptAt,
                    Integer lastStatusCode, String lastError, String createdAt, List<AttemptJson> attemptLog) {

    /** One attempt: when, the HTTP status (null when none came back), its latency, what came back or went wrong. */
    record AttemptJson(int attempt, String at, Integer statusCode, long latencyMs, String responseSnippet,
                       String error) {

        static AttemptJson of(DeliveryAttempt a) {
            return new AttemptJson(a.number(), Json.time(a.at()), a.statusCode(), a.latencyMs(), a.responseSnippet(),
                    a.error());
        }
    }

    static DeliveryJson of(ManageDeliveries.Logged logged) {
        return of(logged.delivery(), logged.attempts());
    }

    static DeliveryJson of(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryJson(d.id().value(), d.eventId().value(), d.eventType().wireName(), d.status().wireName(),
                d.attempts(), Json.time(d.nextAttemptAt()), d.lastStatusCode(), d.lastError(), Json.time(d.createdAt()),
                attempts.stream().map(AttemptJson::of).toList());
    }
}
