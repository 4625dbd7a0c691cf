package io.warmy.domain.sending;

/** Why a send was refused. */
public enum DenyReason {
    SUPPRESSED("suppressed"),
    DAILY_MAILBOX("daily_mailbox"),
    DAILY_DOMAIN("daily_domain"),
    /** The mailbox's warmup is paused: the sender should not use it until it is resumed. */
    MAILBOX_PAUSED("mailbox_paused"),
    DISCONNECTED("disconnected");

    private final String wireName;

    DenyReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static DenyReason of(LimitType limit) {
        return limit == LimitType.DAILY_MAILBOX ? DAILY_MAILBOX : DAILY_DOMAIN;
    }
}
