package io.warmy.adapters.grpc;

import io.warmy.application.warmup.port.in.WarmupView;
import io.warmy.proto.v1.Mailbox;
import io.warmy.proto.v1.MailboxStatus;
import io.warmy.proto.v1.MailboxWarmup;
import io.warmy.proto.v1.Milestone;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.Warmup;
import io.warmy.proto.v1.WarmupSettings;
import io.warmy.proto.v1.WarmupStatus;

import java.time.LocalDate;

/** Mailboxes and their warmup as the proto shows them, and the mailbox enums both ways. */
final class MailboxMessages {

    private MailboxMessages() {
    }

    /** A mailbox with the summary of its warmup as of {@code today} (UTC). */
    static Mailbox mailbox(io.warmy.domain.mailbox.Mailbox m, LocalDate today) {
        return Mailbox.newBuilder()
                .setId(m.id().value())
                .setEmail(m.email().value())
                .setProvider(provider(m.provider()))
                .setDisplayName(m.displayName())
                .setDailyLimit(m.dailyLimit())
                .setStatus(status(m.status()))
                .setDisconnectReason(m.disconnectReason() == null ? "" : m.disconnectReason())
                .setWarmup(MailboxWarmup.newBuilder()
                        .setStatus(warmupStatus(m.warmup().status()))
                        .setDay(m.warmup().day(today)))
                .setCreatedAt(ProtoTime.of(m.createdAt()))
                .setUpdatedAt(ProtoTime.of(m.updatedAt()))
                .build();
    }

    static Warmup warmup(WarmupView v) {
        io.warmy.domain.warmup.WarmupSettings s = v.settings();
        Warmup.Builder warmup = Warmup.newBuilder()
                .setMailboxId(v.mailboxId().value())
                .setStatus(warmupStatus(v.status()))
                .setDay(v.day())
                .setPlannedToday(v.plannedToday())
                .setSentToday(v.sentToday())
                .setSettings(WarmupSettings.newBuilder()
                        .setDailyTarget(s.dailyTarget())
                        .setStartVolume(s.startVolume())
                        .setRampUpPerDay(s.rampUpPerDay())
                        .setReplyRate(s.replyRate())
                        .setWeekdaysOnly(s.weekdaysOnly()));
        v.nextMilestone().ifPresent(m -> warmup.setNextMilestone(Milestone.newBuilder()
                .setName(m.name())
                .setDay(m.day())
                .setExpectedOn(m.expectedOn() == null ? "" : m.expectedOn().toString())));
        return warmup.build();
    }

    static Provider provider(io.warmy.domain.mailbox.Provider p) {
        return switch (p) {
            case GOOGLE -> Provider.PROVIDER_GOOGLE;
            case MICROSOFT -> Provider.PROVIDER_MICROSOFT;
            case SMTP -> Provider.PROVIDER_SMTP;
        };
    }

    /** A provider a request names; {@code PROVIDER_UNSPECIFIED} reads as null (no provider given). */
    static io.warmy.domain.mailbox.Provider provider(int value, String field) {
        Provider p = Provider.forNumber(value);
        if (p == null) {
            throw RequestFields.unknownEnum(field, value, "PROVIDER_GOOGLE, PROVIDER_MICROSOFT or PROVIDER_SMTP");
        }
        return switch (p) {
            case PROVIDER_GOOGLE -> io.warmy.domain.mailbox.Provider.GOOGLE;
            case PROVIDER_MICROSOFT -> io.warmy.domain.mailbox.Provider.MICROSOFT;
            case PROVIDER_SMTP -> io.warmy.domain.mailbox.Provider.SMTP;
            case PROVIDER_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static MailboxStatus status(io.warmy.domain.mailbox.MailboxStatus s) {
        return switch (s) {
            case CONNECTED -> MailboxStatus.MAILBOX_STATUS_CONNECTED;
            case DISCONNECTED -> MailboxStatus.MAILBOX_STATUS_DISCONNECTED;
        };
    }

    /** A mailbox status a request names; {@code MAILBOX_STATUS_UNSPECIFIED} reads as null. */
    static io.warmy.domain.mailbox.MailboxStatus status(int value, String field) {
        MailboxStatus s = MailboxStatus.forNumber(value);
        if (s == null) {
            throw RequestFields.unknownEnum(field, value, "MAILBOX_STATUS_CONNECTED or MAILBOX_STATUS_DISCONNECTED");
        }
        return switch (s) {
            case MAILBOX_STATUS_CONNECTED -> io.warmy.domain.mailbox.MailboxStatus.CONNECTED;
            case MAILBOX_STATUS_DISCONNECTED -> io.warmy.domain.mailbox.MailboxStatus.DISCONNECTED;
            case MAILBOX_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static WarmupStatus warmupStatus(io.warmy.domain.warmup.WarmupStatus s) {
        return switch (s) {
            case ACTIVE -> WarmupStatus.WARMUP_STATUS_ACTIVE;
            case PAUSED -> WarmupStatus.WARMUP_STATUS_PAUSED;
            case NOT_STARTED -> WarmupStatus.WARMUP_STATUS_NOT_STARTED;
        };
    }

    /** A warmup status a request names; {@code WARMUP_STATUS_UNSPECIFIED} reads as null. */
    static io.warmy.domain.warmup.WarmupStatus warmupStatus(int value, String field) {
        WarmupStatus s = WarmupStatus.forNumber(value);
        if (s == null) {
            throw RequestFields.unknownEnum(field, value,
                    "WARMUP_STATUS_ACTIVE, WARMUP_STATUS_PAUSED or WARMUP_STATUS_NOT_STARTED");
        }
        return switch (s) {
            case WARMUP_STATUS_ACTIVE -> io.warmy.domain.warmup.WarmupStatus.ACTIVE;
            case WARMUP_STATUS_PAUSED -> io.warmy.domain.warmup.WarmupStatus.PAUSED;
            case WARMUP_STATUS_NOT_STARTED -> io.warmy.domain.warmup.WarmupStatus.NOT_STARTED;
            case WARMUP_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }
}
