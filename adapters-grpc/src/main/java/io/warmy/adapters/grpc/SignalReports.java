package io.warmy.adapters.grpc;

import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.event.Fields;
import io.warmy.domain.event.Signal;
import io.warmy.proto.v1.BounceType;
import io.warmy.proto.v1.ReportBounceRequest;
import io.warmy.proto.v1.ReportClickRequest;
import io.warmy.proto.v1.ReportOpenRequest;
import io.warmy.proto.v1.ReportReplyRequest;
import io.warmy.proto.v1.ReportUnsubscribeRequest;

/**
 * Reads the five reports into the domain's signals. The identifiers are checked here first, in
 * the order of the message's fields, so a report with several problems names its first one.
 */
final class SignalReports {

    private SignalReports() {
    }

    static Signal.Reply reply(ReportReplyRequest r) {
        return new Signal.Reply(Fields.id("prospect_id", r.getProspectId()),
                RequestFields.email(r.getProspectEmail(), "prospect_email"),
                Fields.id("campaign_id", r.getCampaignId()),
                RequestFields.mailboxId(r.getMailboxId()),
                Fields.text("subject", r.getSubject(), Fields.MAX_TEXT),
                RequestFields.required(r.getMessageId(), "message_id"),
                RequestFields.time(r.hasReceivedAt(), r.getReceivedAt(), "received_at"));
    }

    static Signal.Bounce bounce(ReportBounceRequest r) {
        return new Signal.Bounce(Fields.id("prospect_id", r.getProspectId()),
                RequestFields.email(r.getProspectEmail(), "prospect_email"),
                Fields.id("campaign_id", r.getCampaignId()),
                RequestFields.mailboxId(r.getMailboxId()),
                bounceType(r.getBounceTypeValue()),
                Fields.text("bounce_reason", r.getBounceReason(), Fields.MAX_TEXT),
                RequestFields.time(r.hasBouncedAt(), r.getBouncedAt(), "bounced_at"));
    }

    static Signal.Unsubscribe unsubscribe(ReportUnsubscribeRequest r) {
        return new Signal.Unsubscribe(Fields.id("prospect_id", r.getProspectId()),
                RequestFields.email(r.getProspectEmail(), "prospect_email"),
                Fields.id("campaign_id", r.getCampaignId()),
                RequestFields.time(r.hasUnsubscribedAt(), r.getUnsubscribedAt(), "unsubscribed_at"));
    }

    static Signal.Open open(ReportOpenRequest r) {
        return new Signal.Open(Fields.id("prospect_id", r.getProspectId()),
                RequestFields.email(r.getProspectEmail(), "prospect_email"),
                Fields.id("campaign_id", r.getCampaignId()),
                RequestFields.mailboxId(r.getMailboxId()),
                Fields.stepIndex("step_index", r.getStepIndex()),
                RequestFields.time(r.hasOpenedAt(), r.getOpenedAt(), "opened_at"));
    }

    static Signal.Click click(ReportClickRequest r) {
        return new Signal.Click(Fields.id("prospect_id", r.getProspectId()),
                RequestFields.email(r.getProspectEmail(), "prospect_email"),
                Fields.id("campaign_id", r.getCampaignId()),
                RequestFields.mailboxId(r.getMailboxId()),
                Fields.stepIndex("step_index", r.getStepIndex()),
                Fields.url("url", r.getUrl()),
                RequestFields.time(r.hasClickedAt(), r.getClickedAt(), "clicked_at"));
    }

    private static Signal.BounceType bounceType(int value) {
        BounceType type = BounceType.forNumber(value);
        if (type == null) {
            throw RequestFields.unknownEnum("bounce_type", value, "BOUNCE_TYPE_HARD or BOUNCE_TYPE_SOFT");
        }
        return switch (type) {
            case BOUNCE_TYPE_HARD -> Signal.BounceType.HARD;
            case BOUNCE_TYPE_SOFT -> Signal.BounceType.SOFT;
            case BOUNCE_TYPE_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidValueException("bounce_type",
                    "bounce_type is required: BOUNCE_TYPE_HARD or BOUNCE_TYPE_SOFT.");
        };
    }
}
