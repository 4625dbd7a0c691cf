package io.warmy.application.suppression.port.in;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Tenant;

import java.util.Objects;

/**
 * Puts an address on the suppression list (fires {@code prospect.suppressed}). Suppressing an
 * address that is already on the list changes nothing and answers the existing entry.
 */
public interface SuppressAddress {

    /** @param prospectId the prospect it belongs to, when known (may be null) */
    record Command(Tenant tenant, EmailAddress email, SuppressionReason reason, String prospectId) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(email, "email");
            reason = reason == null ? SuppressionReason.MANUAL : reason;
            if (prospectId != null) {
                prospectId = io.warmy.domain.event.Fields.id("prospectId", prospectId);
            }
        }
    }

    /** The entry, and whether this call added it. */
    record Outcome(Suppression suppression, boolean added) {
    }

    Outcome suppress(Command command);
}
