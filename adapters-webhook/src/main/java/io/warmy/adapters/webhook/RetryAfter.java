package io.warmy.adapters.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a receiver's {@code Retry-After} (RFC 9110 §10.2.3): delay seconds or an HTTP-date, in
 * any of the three date formats a recipient must accept. The answer is never negative and never
 * more than {@link #MAX}, so a receiver cannot park a delivery for years.
 */
final class RetryAfter {

    static final Duration MAX = Duration.ofDays(1);

    private static final Pattern SECONDS = Pattern.compile("\\d+");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            // RFC 850, obsolete but still to be accepted: "Sunday, 06-Nov-94 08:49:37 GMT".
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss z").toFormatter(Locale.US),
            // ANSI C asctime(): "Sun Nov  6 08:49:37 1994", always GMT.
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US).withZone(ZoneOffset.UTC));

    private RetryAfter() {
    }

    /** @param now when the answer arrived, from which an HTTP-date is counted */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (SECONDS.matcher(v).matches()) {
            // More digits than a day has seconds is simply "a long time": cap rather than overflow.
            return Optional.of(v.length() > 9 ? MAX : cap(Duration.ofSeconds(Long.parseLong(v))));
        }
        for (DateTimeFormatter format : DATES) {
            try {
                Instant at = ZonedDateTime.parse(v, format).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : cap(wait));
            } catch (DateTimeParseException e) {
                // Not this format; try the next.
            }
        }
        return Optional.empty();
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
