package io.warmy.application.warmup.port.in;

import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;

import java.time.LocalDate;
import java.util.List;

/**
 * A mailbox's warmup statistics for a range of UTC days (at most 366; the last 30 by default):
 * totals and one entry per day, zeros where nothing happened.
 */
public interface GetStats {

    int MAX_DAYS = 366;
    int DEFAULT_DAYS = 30;

    record Stats(MailboxId mailboxId, LocalDate from, LocalDate to, DailyStats totals, List<DailyStats> daily) {
    }

    /** @param from first day, or null; @param to last day, or null (today) */
    Stats stats(Tenant tenant, String mailboxId, LocalDate from, LocalDate to);
}
