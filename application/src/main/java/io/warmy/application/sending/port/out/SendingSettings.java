package io.warmy.application.sending.port.out;

import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.tenancy.Tenant;

/** A tenant's sending limits. */
public interface SendingSettings {

    /** The tenant's limits, or {@link SendingLimits#DEFAULTS} when none were set. */
    SendingLimits get(Tenant tenant);

    void put(Tenant tenant, SendingLimits limits);
}
