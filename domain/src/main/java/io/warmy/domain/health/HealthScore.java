package io.warmy.domain.health;

import io.warmy.domain.warmup.DailyStats;

import java.util.ArrayList;
import java.util.List;

/**
 * The health formula, one pure function of a mailbox's trailing window (the last
 * {@value #WINDOW_DAYS} days of warmup activity) and its latest SPF/DKIM/DMARC verdicts:
 *
 * <pre>
 *   placement       = inbox / placed                          weight 40
 *   spam            = 1 − min(1, spam rate / 20 %)            weight 20
 *   bounces         = 1 − min(1, bounces / sent ÷ 5 %)        weight 15
 *   complaints      = 1 − min(1, complaints / placed ÷ 0.3 %) weight 10
 *   authentication  = passing of SPF, DKIM, DMARC ÷ 3         weight 15
 *   score           = round(Σ value × weight), 0–100
 * </pre>
 *
 * Bands: excellent ≥ 90, good ≥ 75, fair ≥ 50, poor below. With fewer than
 * {@value #MIN_PLACED} placed mails in the window there is no score: {@code insufficient_data}.
 * The thresholds follow mailbox providers' published guidance (spam complaints under 0.3 %,
 * bounces under 5 %).
 */
public final class HealthScore {

    public static final int WINDOW_DAYS = 14;
    public static final int MIN_PLACED = 20;
    static final double SPAM_CEILING = 0.20;
    static final double BOUNCE_CEILING = 0.05;
    static final double COMPLAINT_CEILING = 0.003;

    private HealthScore() {
    }

    public static Health of(List<DailyStats> window, Authentication auth) {
        DailyStats total = window.stream().reduce(DailyStats.empty(java.time.LocalDate.EPOCH), DailyStats::plus);
        double placement = total.inboxRate();
        double spam = 1 - Math.min(1, total.spamRate() / SPAM_CEILING);
        double bounceRate = total.sent() == 0 ? 0 : (double) total.bounces() / total.sent();
        double bounces = 1 - Math.min(1, bounceRate / BOUNCE_CEILING);
        double complaintRate = total.placed() == 0 ? 0 : (double) total.complaints() / total.placed();
        double complaints = 1 - Math.min(1, complaintRate / COMPLAINT_CEILING);
        List<Health.Factor> factors = new ArrayList<>();
        factors.add(factor("placement", placement, 40));
        factors.add(factor("spam", spam, 20));
        factors.add(factor("bounces", bounces, 15));
        factors.add(factor("complaints", complaints, 10));
        factors.add(factor("authentication", auth.passing(), 15));
        if (total.placed() < MIN_PLACED) {
            return new Health(null, HealthStatus.INSUFFICIENT_DATA, factors);
        }
        int score = (int) Math.round(factors.stream().mapToDouble(Health.Factor::contribution).sum());
        return new Health(score, HealthStatus.band(score), factors);
    }

    private static Health.Factor factor(String name, double value, int weight) {
        double rounded = Math.round(value * 10_000) / 10_000.0;
        return new Health.Factor(name, rounded, weight, Math.round(rounded * weight * 100) / 100.0);
    }
}
