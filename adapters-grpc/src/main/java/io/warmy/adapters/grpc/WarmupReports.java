package io.warmy.adapters.grpc;

import io.warmy.application.warmup.port.in.ReportWarmup;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.event.Fields;
import io.warmy.domain.health.AuthResult;
import io.warmy.domain.health.Authentication;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.Placement;
import io.warmy.proto.v1.AuthenticationResults;
import io.warmy.proto.v1.ReportPlacementRequest;
import io.warmy.proto.v1.ReportWarmupReplyRequest;
import io.warmy.proto.v1.ReportWarmupSendRequest;

import java.util.Optional;

/**
 * Reads the three warmup reports into the use case's commands. The fields are checked here in
 * the order of the message, so a report with several problems names its first one, in the
 * proto's words.
 */
final class WarmupReports {

    private static final String PLACEMENTS = "PLACEMENT_INBOX, PLACEMENT_SPAM, PLACEMENT_PROMOTIONS or PLACEMENT_MISSING";
    private static final String AUTH_RESULTS = "AUTH_RESULT_PASS, AUTH_RESULT_FAIL or AUTH_RESULT_NONE";

    private WarmupReports() {
    }

    static ReportWarmup.Send send(Tenant tenant, ReportWarmupSendRequest r) {
        return new ReportWarmup.Send(tenant,
                RequestFields.mailboxId(r.getMailboxId()).value(),
                Fields.id("message_id", r.getMessageId()),
                RequestFields.time(r.hasSentAt(), r.getSentAt(), "sent_at"));
    }

    static ReportWarmup.Placed placed(Tenant tenant, ReportPlacementRequest r) {
        return new ReportWarmup.Placed(tenant,
                RequestFields.mailboxId(r.getMailboxId()).value(),
                Fields.id("message_id", r.getMessageId()),
                placement(r.getPlacementValue()),
                RequestFields.time(r.hasPlacedAt(), r.getPlacedAt(), "placed_at"),
                r.hasAuthentication() ? Optional.of(authentication(r.getAuthentication())) : Optional.empty(),
                r.getComplaint());
    }

    static ReportWarmup.Replied replied(Tenant tenant, ReportWarmupReplyRequest r) {
        return new ReportWarmup.Replied(tenant,
                RequestFields.mailboxId(r.getMailboxId()).value(),
                Fields.id("message_id", r.getMessageId()),
                RequestFields.time(r.hasRepliedAt(), r.getRepliedAt(), "replied_at"));
    }

    private static Placement placement(int value) {
        io.warmy.proto.v1.Placement p = io.warmy.proto.v1.Placement.forNumber(value);
        if (p == null) {
            throw RequestFields.unknownEnum("placement", value, PLACEMENTS);
        }
        return switch (p) {
            case PLACEMENT_INBOX -> Placement.INBOX;
            case PLACEMENT_SPAM -> Placement.SPAM;
            case PLACEMENT_PROMOTIONS -> Placement.PROMOTIONS;
            case PLACEMENT_MISSING -> Placement.MISSING;
            case PLACEMENT_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidValueException("placement",
                    "placement is required: " + PLACEMENTS + ".");
        };
    }

    private static Authentication authentication(AuthenticationResults a) {
        return new Authentication(result(a.getSpfValue(), "authentication.spf"),
                result(a.getDkimValue(), "authentication.dkim"),
                result(a.getDmarcValue(), "authentication.dmarc"));
    }

    /** Given results must each be named: a verdict left UNSPECIFIED would silently read as a failure. */
    private static AuthResult result(int value, String field) {
        io.warmy.proto.v1.AuthResult r = io.warmy.proto.v1.AuthResult.forNumber(value);
        if (r == null) {
            throw RequestFields.unknownEnum(field, value, AUTH_RESULTS);
        }
        return switch (r) {
            case AUTH_RESULT_PASS -> AuthResult.PASS;
            case AUTH_RESULT_FAIL -> AuthResult.FAIL;
            case AUTH_RESULT_NONE -> AuthResult.NONE;
            case AUTH_RESULT_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidValueException(field,
                    field + " is required when authentication is given: " + AUTH_RESULTS + ".");
        };
    }
}
