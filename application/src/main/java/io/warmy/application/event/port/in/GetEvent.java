package io.warmy.application.event.port.in;

import io.warmy.domain.event.Event;
import io.warmy.domain.tenancy.Tenant;

/** One stored event of the tenant. */
public interface GetEvent {

    Event get(Tenant tenant, String eventId);
}
