package io.warmy.domain.warmup;

import io.warmy.domain.common.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WarmupSettingsTest {

    @ParameterizedTest(name = "({0},{1},{2},{3}) is refused naming {4}")
    @CsvSource({
            "0, 2, 2, 30, dailyTarget",
            "201, 2, 2, 30, dailyTarget",
            "40, 0, 2, 30, startVolume",
            "40, 51, 2, 30, startVolume",
            "40, 2, 0, 30, rampUpPerDay",
            "40, 2, 21, 30, rampUpPerDay",
            "40, 2, 2, -1, replyRate",
            "40, 2, 2, 101, replyRate",
            "10, 20, 2, 30, startVolume",
    })
    void outOfRangeValuesAreRefusedNamingTheField(int target, int start, int ramp, int reply, String field) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> new WarmupSettings(target, start, ramp, reply, false));
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(field);
    }

    @ParameterizedTest(name = "({0},{1},{2},{3}) is accepted")
    @CsvSource({
            "1, 1, 1, 0",
            "200, 50, 20, 100",
            "50, 50, 1, 30",
    })
    void boundaryValuesAreAccepted(int target, int start, int ramp, int reply) {
        assertThatCode(() -> new WarmupSettings(target, start, ramp, reply, true)).doesNotThrowAnyException();
    }
}
