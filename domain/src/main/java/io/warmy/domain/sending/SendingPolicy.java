package io.warmy.domain.sending;

import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxStatus;
import io.warmy.domain.warmup.WarmupStatus;

import java.util.Optional;

/**
 * The checks before any counter moves, in the order a sender needs them: a disconnected mailbox
 * cannot send at all, a paused one should not, and a suppressed address is never mailed. The
 * daily limits come after, counted atomically by the store.
 */
public final class SendingPolicy {

    private SendingPolicy() {
    }

    public static Optional<DenyReason> precheck(Mailbox mailbox, boolean recipientSuppressed) {
        if (mailbox.status() == MailboxStatus.DISCONNECTED) {
            return Optional.of(DenyReason.DISCONNECTED);
        }
        if (mailbox.warmup().status() == WarmupStatus.PAUSED) {
            return Optional.of(DenyReason.MAILBOX_PAUSED);
        }
        if (recipientSuppressed) {
            return Optional.of(DenyReason.SUPPRESSED);
        }
        return Optional.empty();
    }
}
