package io.warmy.application.suppression.port.in;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.tenancy.Tenant;

/** Takes an address off the suppression list, so it may be mailed again. */
public interface RemoveSuppression {

    /** @throws io.warmy.domain.common.NotFoundException when the address is not on the list */
    Suppression remove(Tenant tenant, EmailAddress email);
}
