package io.warmy.application.suppression.port.in;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.tenancy.Tenant;

/** The tenant's suppression list in address order. */
public interface ListSuppressions {

    Page<Suppression> list(Tenant tenant, PageRequest page);
}
