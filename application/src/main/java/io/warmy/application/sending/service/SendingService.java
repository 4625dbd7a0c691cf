package io.warmy.application.sending.service;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.service.EventRecorder;
import io.warmy.application.mailbox.service.MailboxUpdates;
import io.warmy.application.sending.port.in.ManageSendingLimits;
import io.warmy.application.sending.port.in.ReserveSend;
import io.warmy.application.sending.port.out.SendCounters;
import io.warmy.application.sending.port.out.SendingSettings;
import io.warmy.application.suppression.port.out.Suppressions;
import io.warmy.domain.event.Events;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.sending.DenyReason;
import io.warmy.domain.sending.LimitType;
import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.sending.SendingPolicy;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Leave to send. Both daily counters move in one transaction or not at all: when the domain
 * counter is at its limit, the mailbox counter's increment is rolled back with it.
 */
public final class SendingService implements ReserveSend, ManageSendingLimits {

    private final MailboxUpdates mailboxes;
    private final Suppressions suppressions;
    private final SendCounters counters;
    private final SendingSettings settings;
    private final EventRecorder events;
    private final Transactions transactions;
    private final Clock clock;

    public SendingService(MailboxUpdates mailboxes, Suppressions suppressions, SendCounters counters,
                          SendingSettings settings, EventRecorder events, Transactions transactions, Clock clock) {
        this.mailboxes = mailboxes;
        this.suppressions = suppressions;
        this.counters = counters;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Carries a limit that was reached out of the counting transaction, rolling it back. */
    private static final class AtLimit extends RuntimeException {
        final LimitType type;
        final long limit;

        AtLimit(LimitType type, long limit) {
            super(null, null, false, false);
            this.type = type;
            this.limit = limit;
        }
    }

    @Override
    public Decision reserve(Command c) {
        Mailbox mailbox = mailboxes.load(c.tenant(), c.mailboxId());
        Instant now = clock.now();
        LocalDate today = Mailbox.day(now);
        String domain = Events.sendingDomain(mailbox.email());
        boolean suppressed = suppressions.find(c.tenant(), c.prospectEmail()).isPresent();
        Optional<DenyReason> refused = SendingPolicy.precheck(mailbox, suppressed);
        if (refused.isPresent()) {
            return Decision.denied(refused.get(), counters.current(c.tenant(), LimitType.DAILY_MAILBOX, mailbox.id().value(), today),
                    counters.current(c.tenant(), LimitType.DAILY_DOMAIN, domain, today));
        }
        long domainLimit = settings.get(c.tenant()).domainDailyLimit();
        try {
            return transactions.inTransaction(() -> {
                long m = increment(c.tenant(), LimitType.DAILY_MAILBOX, mailbox.id().value(), today, mailbox.dailyLimit());
                long d = increment(c.tenant(), LimitType.DAILY_DOMAIN, domain, today, domainLimit);
                if (m == mailbox.dailyLimit()) {
                    limitHit(c, mailbox, LimitType.DAILY_MAILBOX, mailbox.id().value(), m, mailbox.dailyLimit(), now);
                }
                if (d == domainLimit) {
                    limitHit(c, mailbox, LimitType.DAILY_DOMAIN, domain, d, domainLimit, now);
                }
                return new Decision(true, Optional.empty(), m, d);
            });
        } catch (AtLimit at) {
            String identifier = at.type == LimitType.DAILY_MAILBOX ? mailbox.id().value() : domain;
            transactions.inTransaction(() -> limitHit(c, mailbox, at.type, identifier, at.limit, at.limit, now));
            return Decision.denied(DenyReason.of(at.type),
                    counters.current(c.tenant(), LimitType.DAILY_MAILBOX, mailbox.id().value(), today),
                    counters.current(c.tenant(), LimitType.DAILY_DOMAIN, domain, today));
        }
    }

    private long increment(Tenant tenant, LimitType type, String identifier, LocalDate day, long limit) {
        OptionalLong value = counters.tryIncrement(tenant, type, identifier, day, limit);
        if (value.isEmpty()) {
            throw new AtLimit(type, limit);
        }
        return value.getAsLong();
    }

    private void limitHit(Command c, Mailbox mailbox, LimitType type, String identifier, long current, long limit,
                          Instant at) {
        events.record(c.tenant(), Events.limitHit(type, identifier, mailbox.id(), c.campaignId(), current, limit, at));
    }

    @Override
    public SendingLimits limits(Tenant tenant) {
        return settings.get(tenant);
    }

    @Override
    public SendingLimits update(Tenant tenant, SendingLimits limits) {
        settings.put(tenant, limits);
        return limits;
    }
}
