package io.warmy.adapters.rest;

/** The answer to recovering an endpoint's failed deliveries: how many are due again. */
record RecoveredJson(int requeued) {
}
