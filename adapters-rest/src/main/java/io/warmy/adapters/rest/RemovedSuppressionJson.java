package io.warmy.adapters.rest;

import io.warmy.domain.suppression.Suppression;

/**
 * The answer to removing an address from the suppression list: the entry as it was, marked
 * {@code deleted} as Stripe marks what it deletes, so the client sees what it took off.
 */
record RemovedSuppressionJson(String email, String reason, String prospectId, String createdAt, boolean deleted) {

    static RemovedSuppressionJson of(Suppression s) {
        SuppressionJson entry = SuppressionJson.of(s);
        return new RemovedSuppressionJson(entry.email(), entry.reason(), entry.prospectId(), entry.createdAt(), true);
    }
}
