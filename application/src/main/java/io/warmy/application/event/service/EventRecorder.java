package io.warmy.application.event.service;

import io.warmy.application.common.UuidV7;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Telemetry;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.webhook.port.out.Outbox;
import io.warmy.domain.event.EventDraft;
import io.warmy.domain.event.EventId;
import io.warmy.domain.tenancy.Tenant;

/**
 * Records an event and its webhook deliveries together: called inside the transaction of the
 * change that caused the event, so the change, the event and its deliveries are stored as one
 * (the outbox). A duplicate under the event's dedup rule stores nothing and delivers nothing.
 */
public final class EventRecorder {

    private final EventLog eventLog;
    private final Outbox outbox;
    private final UuidV7 ids;
    private final Clock clock;
    private final Telemetry telemetry;

    public EventRecorder(EventLog eventLog, Outbox outbox, Clock clock) {
        this(eventLog, outbox, clock, Telemetry.NONE);
    }

    public EventRecorder(EventLog eventLog, Outbox outbox, Clock clock, Telemetry telemetry) {
        this.eventLog = eventLog;
        this.outbox = outbox;
        this.ids = new UuidV7(clock);
        this.clock = clock;
        this.telemetry = telemetry;
    }

    public EventLog.Appended record(Tenant tenant, EventDraft draft) {
        var now = clock.now();
        // One reading of the clock for both: list order (by id) and time filters (by timestamp) agree.
        EventLog.Appended appended = eventLog.append(tenant, draft, new EventId(ids.next(now)), now);
        if (!appended.duplicate()) {
            outbox.enqueue(appended.event(), now);
        }
        telemetry.eventRecorded(draft.type(), appended.duplicate());
        return appended;
    }
}
