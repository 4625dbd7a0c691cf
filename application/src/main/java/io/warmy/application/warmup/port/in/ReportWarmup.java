package io.warmy.application.warmup.port.in;

import io.warmy.application.event.port.in.Recorded;
import io.warmy.domain.event.Fields;
import io.warmy.domain.health.Authentication;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.Placement;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the warmup network reports: a warmup mail sent, where it landed (again when it moves,
 * e.g. from spam to the inbox: "saved from spam"), and a reply. Each is idempotent per message id.
 * Reports move the daily counters, the health (firing {@code warmup.health_changed} when the band
 * changes) and the milestones (firing {@code warmup.milestone} once each).
 */
public interface ReportWarmup {

    record Send(Tenant tenant, String mailboxId, String messageId, Instant sentAt) {
        public Send {
            Objects.requireNonNull(tenant, "tenant");
            messageId = Fields.id("messageId", messageId);
            sentAt = Fields.time("sentAt", sentAt);
        }
    }

    /** @param authentication the SPF/DKIM/DMARC verdicts of the received mail, when the watcher read them */
    record Placed(Tenant tenant, String mailboxId, String messageId, Placement placement, Instant placedAt,
                  Optional<Authentication> authentication, boolean complaint) {
        public Placed {
            Objects.requireNonNull(tenant, "tenant");
            messageId = Fields.id("messageId", messageId);
            if (placement == null) {
                throw new io.warmy.domain.common.InvalidValueException("placement",
                        "placement is required (inbox, spam, promotions or missing).");
            }
            placedAt = Fields.time("placedAt", placedAt);
            Objects.requireNonNull(authentication, "authentication");
        }
    }

    record Replied(Tenant tenant, String mailboxId, String messageId, Instant repliedAt) {
        public Replied {
            Objects.requireNonNull(tenant, "tenant");
            messageId = Fields.id("messageId", messageId);
            repliedAt = Fields.time("repliedAt", repliedAt);
        }
    }

    /** Whether the report changed anything (false for a repeat of the same report). */
    record Outcome(boolean counted) {
    }

    Outcome sent(Send report);

    Outcome placed(Placed report);

    Outcome replied(Replied report);
}
