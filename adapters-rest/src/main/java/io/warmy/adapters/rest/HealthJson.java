package io.warmy.adapters.rest;

import io.warmy.application.health.port.in.GetHealth;
import io.warmy.domain.health.Health;

import java.util.List;

/**
 * A mailbox's health as the API shows it: the score (null while the sample is too small to score),
 * its band, and every factor behind it, so a client can show why the score is what it is.
 */
record HealthJson(String mailboxId, Integer score, String status, List<Factor> factors, String computedAt) {

    /** One input of the score: its value (0–1), its weight, and what it adds to the score. */
    record Factor(String name, double value, int weight, double contribution) {

        static Factor of(Health.Factor f) {
            return new Factor(f.name(), f.value(), f.weight(), f.contribution());
        }
    }

    static HealthJson of(GetHealth.View v) {
        Health h = v.health();
        return new HealthJson(v.mailboxId().value(), h.score(), h.status().wireName(),
                h.factors().stream().map(Factor::of).toList(), Json.time(v.computedAt()));
    }
}
