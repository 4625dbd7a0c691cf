package io.warmy.application.event.port.in;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.tenancy.Tenant;

/** The tenant's stored events, newest first, so a consumer can fetch what its webhook missed. */
public interface ListEvents {

    Page<Event> list(Tenant tenant, EventQuery query, PageRequest page);
}
