package io.warmy.domain.suppression;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * An address on a tenant's suppression list: no campaign mail goes to it. One entry per
 * (normalised) address; the first reason stays.
 *
 * @param prospectId the prospect it came from, when known (null for manual entries without one)
 */
public record Suppression(Tenant tenant, EmailAddress email, SuppressionReason reason, String prospectId,
                          Instant createdAt) {

    public Suppression {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
