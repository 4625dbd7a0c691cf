package io.warmy.application.sending.port.in;

import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.tenancy.Tenant;

/** Reads and changes a tenant's sending limits (the daily limit per sending domain). */
public interface ManageSendingLimits {

    SendingLimits limits(Tenant tenant);

    SendingLimits update(Tenant tenant, SendingLimits limits);
}
