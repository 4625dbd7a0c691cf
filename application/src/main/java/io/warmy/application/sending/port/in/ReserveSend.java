package io.warmy.application.sending.port.in;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Fields;
import io.warmy.domain.sending.DenyReason;
import io.warmy.domain.tenancy.Tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * Asks leave to send one campaign mail: refused for a disconnected or paused mailbox or a
 * suppressed address; otherwise counted against the mailbox's and the sending domain's daily
 * limits, atomically across nodes, and refused at either limit ({@code limit.hit} fires once a day
 * per limit).
 */
public interface ReserveSend {

    record Command(Tenant tenant, String mailboxId, String campaignId, String prospectId, EmailAddress prospectEmail) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(mailboxId, "mailboxId");
            campaignId = Fields.id("campaignId", campaignId);
            if (prospectId != null) {
                prospectId = Fields.id("prospectId", prospectId);
            }
            Objects.requireNonNull(prospectEmail, "prospectEmail");
        }
    }

    /** Allowed (with the counters after this send), or denied with the reason. */
    record Decision(boolean allowed, Optional<DenyReason> reason, long mailboxSentToday, long domainSentToday) {
        public static Decision denied(DenyReason reason, long mailboxSentToday, long domainSentToday) {
            return new Decision(false, Optional.of(reason), mailboxSentToday, domainSentToday);
        }
    }

    Decision reserve(Command command);
}
