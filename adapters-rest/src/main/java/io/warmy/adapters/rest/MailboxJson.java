package io.warmy.adapters.rest;

import io.warmy.domain.mailbox.Mailbox;

import java.time.LocalDate;

/** A mailbox as the API shows it, with a summary of its warmup as of {@code today} (UTC). */
record MailboxJson(String id, String email, String provider, String displayName, int dailyLimit, String status,
                   String disconnectReason, WarmupSummary warmup, String createdAt, String updatedAt) {

    /** Where the mailbox's warmup stands; the full picture is at {@code /mailboxes/:id/warmup}. */
    record WarmupSummary(String status, int day) {
    }

    static MailboxJson of(Mailbox m, LocalDate today) {
        return new MailboxJson(m.id().value(), m.email().value(), m.provider().wireName(), m.displayName(),
                m.dailyLimit(), m.status().wireName(), m.disconnectReason(),
                new WarmupSummary(m.warmup().status().wireName(), m.warmup().day(today)),
                Json.time(m.createdAt()), Json.time(m.updatedAt()));
    }
}
