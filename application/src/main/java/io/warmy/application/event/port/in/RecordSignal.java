package io.warmy.application.event.port.in;

import io.warmy.domain.event.Signal;
import io.warmy.domain.tenancy.Tenant;

/**
 * Records what the platform's services report (replies, bounces, unsubscribes, opens, clicks)
 * as events under their dedup rules, with their side effects: a hard bounce or an unsubscribe
 * puts the address on the suppression list.
 */
public interface RecordSignal {

    /**
     * @throws io.warmy.domain.common.NotFoundException      when the signal names a mailbox the tenant does not have
     * @throws io.warmy.domain.common.InvalidValueException when its time is in the future
     */
    Recorded record(Tenant tenant, Signal signal);
}
