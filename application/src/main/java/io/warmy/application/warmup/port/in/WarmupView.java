package io.warmy.application.warmup.port.in;

import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.warmup.Milestone;
import io.warmy.domain.warmup.WarmupSettings;
import io.warmy.domain.warmup.WarmupStatus;

import java.util.Optional;

/** A mailbox's warmup as of today (UTC): where it stands, what today holds, what comes next. */
public record WarmupView(MailboxId mailboxId, WarmupStatus status, int day, int plannedToday, int sentToday,
                         WarmupSettings settings, Optional<Milestone> nextMilestone) {
}
