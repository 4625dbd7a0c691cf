package io.warmy.application.suppression.port.in;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.tenancy.Tenant;

import java.util.Optional;

/** Whether an address is on the tenant's suppression list. */
public interface CheckSuppression {

    Optional<Suppression> check(Tenant tenant, EmailAddress email);
}
