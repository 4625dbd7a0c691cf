package io.warmy.application.suppression.service;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.service.EventRecorder;
import io.warmy.application.suppression.port.in.CheckSuppression;
import io.warmy.application.suppression.port.in.ListSuppressions;
import io.warmy.application.suppression.port.in.RemoveSuppression;
import io.warmy.application.suppression.port.in.SuppressAddress;
import io.warmy.application.suppression.port.out.Suppressions;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.event.Events;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.tenancy.Tenant;

import java.util.Optional;

/** The suppression list: manual entries, entries made by bounces and unsubscribes, checks and removals. */
public final class SuppressionService implements SuppressAddress, CheckSuppression, ListSuppressions, RemoveSuppression {

    private final Suppressions suppressions;
    private final EventRecorder events;
    private final Transactions transactions;
    private final Clock clock;

    public SuppressionService(Suppressions suppressions, EventRecorder events, Transactions transactions, Clock clock) {
        this.suppressions = suppressions;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome suppress(Command c) {
        return transactions.inTransaction(() -> {
            Suppression entry = new Suppression(c.tenant(), c.email(), c.reason(), c.prospectId(), clock.now());
            if (suppressions.add(entry)) {
                events.record(c.tenant(), Events.prospectSuppressed(entry));
                return new Outcome(entry, true);
            }
            return new Outcome(suppressions.find(c.tenant(), c.email()).orElse(entry), false);
        });
    }

    @Override
    public Optional<Suppression> check(Tenant tenant, EmailAddress email) {
        return suppressions.find(tenant, email);
    }

    @Override
    public Page<Suppression> list(Tenant tenant, PageRequest page) {
        Optional<EmailAddress> after = page.afterId().map(SuppressionService::cursorEmail);
        return Page.of(suppressions.list(tenant, after, page.limit() + 1), page.limit(), s -> s.email().value());
    }

    @Override
    public Suppression remove(Tenant tenant, EmailAddress email) {
        return transactions.inTransaction(() -> {
            Suppression existing = suppressions.find(tenant, email)
                    .orElseThrow(() -> new NotFoundException("suppression", email.value()));
            suppressions.remove(tenant, email);
            return existing;
        });
    }

    private static EmailAddress cursorEmail(String raw) {
        try {
            return new EmailAddress(raw);
        } catch (InvalidValueException e) {
            throw new MalformedException("cursor", "cursor is not one this API returned; pass nextCursor unchanged.");
        }
    }
}
