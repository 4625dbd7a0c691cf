package io.warmy.adapters.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:47:37Z");

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "120 | PT2M",
            "' 0 ' | PT0S",
            "86400 | PT24H",
            "86401 | PT24H",
            "99999999999999999999 | PT24H",
            "Sun, 06 Nov 1994 08:49:37 GMT | PT2M",
            "Sunday, 06-Nov-94 08:49:37 GMT | PT2M",
            "Sun Nov  6 08:49:37 1994 | PT2M",
            "Sun, 06 Nov 1994 08:00:00 GMT | PT0S",
            "Tue, 08 Nov 1994 08:47:37 GMT | PT24H",
            "-5 | none",
            "1.5 | none",
            "soon | none",
            "'' | none"})
    void readsSecondsAndAllThreeHttpDateFormatsCappedAtADay(String header, String expected) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(Optional.ofNullable(expected).map(Duration::parse));
    }
}
