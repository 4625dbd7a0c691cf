package io.warmy.domain.warmup;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One mailbox's warmup activity on one UTC day, as counted from reports: mails sent, where they
 * landed (each message counted once, in its latest known placement), mails moved from spam to the
 * inbox, replies, bounces and spam complaints.
 */
public record DailyStats(LocalDate date, long sent, long inbox, long spam, long promotions, long missing,
                         long savedFromSpam, long replies, long bounces, long complaints) {

    public DailyStats {
        Objects.requireNonNull(date, "date");
    }

    public static DailyStats empty(LocalDate date) {
        return new DailyStats(date, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Mails whose placement is known. */
    public long placed() {
        return inbox + spam + promotions + missing;
    }

    /** Share of placed mails in the inbox, 0–1; 0 when nothing was placed. */
    public double inboxRate() {
        return placed() == 0 ? 0 : (double) inbox / placed();
    }

    public double spamRate() {
        return placed() == 0 ? 0 : (double) spam / placed();
    }

    public DailyStats plus(DailyStats o) {
        return new DailyStats(date, sent + o.sent, inbox + o.inbox, spam + o.spam, promotions + o.promotions,
                missing + o.missing, savedFromSpam + o.savedFromSpam, replies + o.replies, bounces + o.bounces,
                complaints + o.complaints);
    }
}
