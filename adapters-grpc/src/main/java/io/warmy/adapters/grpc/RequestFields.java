package io.warmy.adapters.grpc;

import com.google.protobuf.Timestamp;
import io.warmy.application.common.PageRequest;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;

import java.time.Instant;
import java.util.function.Function;

/**
 * Reads request fields into the domain's values before any use case runs, naming a bad field as
 * the proto does. Proto3 has no "absent" for scalars, so an empty string, a zero enum and an unset
 * timestamp all read as "not given".
 */
final class RequestFields {

    /** The range protobuf's Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;

    private RequestFields() {
    }

    static String required(String value, String field) {
        if (value.isBlank()) {
            throw new InvalidValueException(field, field + " is required.");
        }
        return value;
    }

    /** An optional string: empty means "not given". */
    static String optional(String value) {
        return value.isEmpty() ? null : value;
    }

    static EmailAddress email(String raw, String field) {
        return EmailAddress.parse(required(raw, field), field);
    }

    static Instant time(boolean present, Timestamp value, String field) {
        if (!present) {
            throw new InvalidValueException(field, field + " is required.");
        }
        if (value.getSeconds() < MIN_SECONDS || value.getSeconds() > MAX_SECONDS
                || value.getNanos() < 0 || value.getNanos() > 999_999_999) {
            throw new InvalidValueException(field, field + " is not a valid timestamp.");
        }
        return Instant.ofEpochSecond(value.getSeconds(), value.getNanos());
    }

    /** An id of the given prefix; a wrong shape names {@code field}, whatever the id type calls itself. */
    static <T> T id(String raw, String field, String prefix, Function<String, T> parse) {
        required(raw, field);
        try {
            return parse.apply(raw);
        } catch (MalformedException e) {
            throw new MalformedException(field, "'" + shorten(raw) + "' is not a valid " + field
                    + " (expected '" + prefix + "' followed by 26 characters).");
        }
    }

    static MailboxId mailboxId(String raw) {
        return id(raw, "mailbox_id", MailboxId.PREFIX, MailboxId::new);
    }

    static Mode mode(int value) {
        io.warmy.proto.v1.Mode mode = io.warmy.proto.v1.Mode.forNumber(value);
        if (mode == null) {
            throw unknownEnum("mode", value, "MODE_LIVE or MODE_SANDBOX");
        }
        return switch (mode) {
            case MODE_LIVE -> Mode.LIVE;
            case MODE_SANDBOX -> Mode.SANDBOX;
            case MODE_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidValueException("mode",
                    "mode is required: MODE_LIVE or MODE_SANDBOX.");
        };
    }

    /** A proto enum's number that this server does not know (a newer client, or a bug). */
    static InvalidValueException unknownEnum(String field, int value, String expected) {
        return new InvalidValueException(field, field + " must be " + expected + " (was " + value + ").");
    }

    /** AIP-158: 0 means the default page size, and more than the maximum means the maximum. */
    static PageRequest page(int pageSize, String pageToken) {
        if (pageSize < 0) {
            throw new InvalidValueException("page_size", "page_size must not be negative (was " + pageSize + ").");
        }
        int limit = pageSize == 0 ? PageRequest.DEFAULT_LIMIT : Math.min(pageSize, PageRequest.MAX_LIMIT);
        try {
            return PageRequest.parse(Integer.toString(limit), optional(pageToken));
        } catch (MalformedException e) {
            throw badPageToken();
        }
    }

    static MalformedException badPageToken() {
        return new MalformedException("page_token", "page_token is not one this API returned; pass next_page_token unchanged.");
    }

    private static String shorten(String raw) {
        return raw.length() <= 64 ? raw : raw.substring(0, 61) + "...";
    }
}
