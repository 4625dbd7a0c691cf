package io.warmy.application.webhook.port.out;

import io.warmy.domain.event.Event;
import io.warmy.domain.webhook.DeliveryOutcome;

import java.time.Instant;
import java.util.List;

/**
 * Sends one event to one endpoint, signed (SPEC §5): the envelope {@code {type, data, timestamp}}
 * as the body, the Warmy and Standard Webhooks headers, one signature per secret. Never throws
 * for what the receiver or the network did: every outcome is reported.
 */
public interface WebhookTransport {

    /**
     * @param secrets   the endpoint's signing secrets, newest first (two while a secret is rotated)
     * @param attemptAt the time this attempt is signed with
     */
    DeliveryOutcome deliver(Event event, String url, List<String> secrets, Instant attemptAt);
}
