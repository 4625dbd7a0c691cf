package io.warmy.adapters.rest;

import io.warmy.domain.suppression.Suppression;

/** An entry of the suppression list as the API shows it; {@code prospectId} is null when none was given. */
record SuppressionJson(String email, String reason, String prospectId, String createdAt) {

    static SuppressionJson of(Suppression s) {
        return new SuppressionJson(s.email().value(), s.reason().wireName(), s.prospectId(), Json.time(s.createdAt()));
    }
}
