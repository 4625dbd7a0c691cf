package io.warmy.application.event.port.in;

import io.warmy.application.tenancy.port.in.Caller;

import java.util.Map;

/**
 * Makes a realistic event of any type in the sandbox (fields filled in where not given), under
 * its real dedup rule, delivered to the sandbox's webhooks: an integrator can test every event
 * without touching production. Sandbox keys only.
 */
public interface TriggerSandboxEvent {

    /**
     * @param type the event type's wire name
     * @param data payload fields to use instead of the made-up ones
     * @throws io.warmy.domain.common.AccessDeniedException for a live key
     */
    Triggered trigger(Caller caller, String type, Map<String, Object> data);

    /** The event made, or the one its dedup rule makes this a duplicate of. */
    record Triggered(io.warmy.domain.event.Event event, boolean duplicate) {
    }
}
