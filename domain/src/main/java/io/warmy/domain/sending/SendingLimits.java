package io.warmy.domain.sending;

import io.warmy.domain.common.InvalidValueException;

/**
 * A tenant's sending limits beyond each mailbox's own daily limit: how many campaign mails all
 * mailboxes of one sending domain may send a day (1–1,000,000; 500 unless set).
 */
public record SendingLimits(int domainDailyLimit) {

    public static final SendingLimits DEFAULTS = new SendingLimits(500);
    public static final int MAX_DOMAIN_DAILY_LIMIT = 1_000_000;

    public SendingLimits {
        if (domainDailyLimit < 1 || domainDailyLimit > MAX_DOMAIN_DAILY_LIMIT) {
            throw new InvalidValueException("domainDailyLimit",
                    "domainDailyLimit must be between 1 and " + MAX_DOMAIN_DAILY_LIMIT + " (was " + domainDailyLimit + ").");
        }
    }
}
