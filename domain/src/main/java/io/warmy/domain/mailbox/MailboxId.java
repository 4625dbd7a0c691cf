package io.warmy.domain.mailbox;

import io.warmy.domain.common.Identifiers;

/** The id of a mailbox, e.g. {@code mbx_01JD4S3K2M9V6QW8XR5T7YB0CE}. */
public record MailboxId(String value) {

    public static final String PREFIX = "mbx_";

    public MailboxId {
        Identifiers.require(value, PREFIX, "mailboxId");
    }

    public static MailboxId fromUlid(String ulid) {
        return new MailboxId(PREFIX + ulid);
    }

    @Override
    public String toString() {
        return value;
    }
}
