package io.warmy.domain.sending;

/** The daily sending limits Warmy enforces: per mailbox, and per sending domain (the mailbox's domain). */
public enum LimitType {
    DAILY_MAILBOX("daily_mailbox"),
    DAILY_DOMAIN("daily_domain");

    private final String wireName;

    LimitType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
