package io.warmy.adapters.rest;

import io.warmy.domain.sending.SendingLimits;

/** The sending limits of the caller's workspace in the caller's mode, under the names {@code PATCH} takes. */
record SendingLimitsJson(int domainDailyLimit) {

    static SendingLimitsJson of(SendingLimits limits) {
        return new SendingLimitsJson(limits.domainDailyLimit());
    }
}
