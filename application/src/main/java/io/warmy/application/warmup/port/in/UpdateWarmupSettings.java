package io.warmy.application.warmup.port.in;

import io.warmy.domain.tenancy.Tenant;

/**
 * Changes warmup settings; a null field is left as it is. The resulting settings are validated
 * as a whole, and a refused change leaves everything as it was.
 */
public interface UpdateWarmupSettings {

    record Command(Integer dailyTarget, Integer startVolume, Integer rampUpPerDay, Integer replyRate,
                   Boolean weekdaysOnly) {
    }

    WarmupView update(Tenant tenant, String mailboxId, Command command);
}
