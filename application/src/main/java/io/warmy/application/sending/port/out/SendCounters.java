package io.warmy.application.sending.port.out;

import io.warmy.domain.sending.LimitType;
import io.warmy.domain.tenancy.Tenant;

import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * Daily send counters, atomic across nodes: a counter never passes its limit, however many
 * senders race on it, and no increment is lost.
 */
public interface SendCounters {

    /**
     * Adds one to the counter of {@code (limitType, identifier, day)} if it is below {@code limit};
     * answers the new value, or empty (changing nothing) when the counter is already at the limit.
     */
    OptionalLong tryIncrement(Tenant tenant, LimitType limitType, String identifier, LocalDate day, long limit);

    /** The counter's value (0 when nothing was counted). */
    long current(Tenant tenant, LimitType limitType, String identifier, LocalDate day);
}
