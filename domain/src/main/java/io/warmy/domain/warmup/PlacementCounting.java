package io.warmy.domain.warmup;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How a placement report moves the daily counters. A message counts once, in its latest
 * placement: its first report adds it; a report that moves it takes it from the old folder and
 * adds it to the new one; a move from spam to the inbox also counts as "saved from spam"; the same
 * placement again changes nothing. (Complaints are counted once per message by whoever records them.)
 */
public final class PlacementCounting {

    private PlacementCounting() {
    }

    public static DailyStats delta(LocalDate day, Optional<Placement> before, Placement now) {
        if (before.isPresent() && before.get() == now) {
            return DailyStats.empty(day);
        }
        long[] folders = new long[Placement.values().length];
        folders[now.ordinal()]++;
        before.ifPresent(b -> folders[b.ordinal()]--);
        boolean saved = before.filter(b -> b == Placement.SPAM).isPresent() && now == Placement.INBOX;
        return new DailyStats(day, 0, folders[Placement.INBOX.ordinal()], folders[Placement.SPAM.ordinal()],
                folders[Placement.PROMOTIONS.ordinal()], folders[Placement.MISSING.ordinal()], saved ? 1 : 0, 0, 0, 0);
    }
}
