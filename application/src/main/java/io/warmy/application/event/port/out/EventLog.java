package io.warmy.application.event.port.out;

import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventDraft;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable log of events, one per dedup key per tenant. The store enforces the dedup rule with
 * a unique key, so two nodes racing on one signal (or a signal repeated after a restart) make
 * one event.
 */
public interface EventLog {

    /** What an append did: stored a new event, or found the one its dedup key already made. */
    record Appended(Event event, boolean duplicate) {
    }

    /**
     * Stores the draft as event {@code id} recorded at {@code timestamp}, unless an event with the
     * same dedup key exists in the tenant: then nothing is stored and that event comes back with
     * {@code duplicate} set. A draft without a dedup key is always stored.
     */
    Appended append(Tenant tenant, EventDraft draft, EventId id, Instant timestamp);

    Optional<Event> find(Tenant tenant, EventId id);

    /** Events of a tenant, newest first, after {@code afterId} when given, at most {@code limit}. */
    List<Event> list(Tenant tenant, EventQuery query, Optional<EventId> afterId, int limit);
}
