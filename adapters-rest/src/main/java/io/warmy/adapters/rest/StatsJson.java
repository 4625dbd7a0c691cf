package io.warmy.adapters.rest;

import io.warmy.application.warmup.port.in.GetStats;
import io.warmy.domain.warmup.DailyStats;

import java.util.List;

/**
 * A mailbox's warmup statistics as the API shows them: totals over the range and one entry per
 * day. Rates are shares of the placed mails (inbox, spam, promotions and missing), 0–1 rounded to
 * four decimals, and 0 when nothing was placed.
 */
record StatsJson(String mailboxId, String from, String to, Totals totals, List<Day> daily) {

    /** The counters summed over the range. */
    record Totals(long sent, long inbox, long spam, long promotions, long missing, long savedFromSpam, long replies,
                  long bounces, long complaints, double inboxRate, double spamRate) {

        static Totals of(DailyStats s) {
            return new Totals(s.sent(), s.inbox(), s.spam(), s.promotions(), s.missing(), s.savedFromSpam(),
                    s.replies(), s.bounces(), s.complaints(), rate(s.inboxRate()), rate(s.spamRate()));
        }
    }

    /** One UTC day's counters; a day without activity is all zeros. */
    record Day(String date, long sent, long inbox, long spam, long promotions, long missing, long savedFromSpam,
               long replies, long bounces, long complaints, double inboxRate, double spamRate) {

        static Day of(DailyStats s) {
            return new Day(Json.date(s.date()), s.sent(), s.inbox(), s.spam(), s.promotions(), s.missing(),
                    s.savedFromSpam(), s.replies(), s.bounces(), s.complaints(), rate(s.inboxRate()),
                    rate(s.spamRate()));
        }
    }

    static StatsJson of(GetStats.Stats s) {
        return new StatsJson(s.mailboxId().value(), Json.date(s.from()), Json.date(s.to()), Totals.of(s.totals()),
                s.daily().stream().map(Day::of).toList());
    }

    /** Four decimals keep a rate readable (0.6667, not 0.6666666666666666) and exact enough for a chart. */
    private static double rate(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
