package io.warmy.application.suppression.port.out;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.tenancy.Tenant;

import java.util.List;
import java.util.Optional;

/** A tenant's suppression list: one entry per normalised address. */
public interface Suppressions {

    /** Adds the entry unless the address is already on the list (then the list is unchanged); answers whether it was added. */
    boolean add(Suppression suppression);

    Optional<Suppression> find(Tenant tenant, EmailAddress email);

    /** Takes the address off the list; answers whether it was on it. */
    boolean remove(Tenant tenant, EmailAddress email);

    /** Entries of a tenant in address order, after {@code afterEmail} when given, at most {@code limit}. */
    List<Suppression> list(Tenant tenant, Optional<EmailAddress> afterEmail, int limit);
}
