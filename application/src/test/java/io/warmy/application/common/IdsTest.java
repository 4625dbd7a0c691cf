package io.warmy.application.common;

import io.warmy.domain.common.Identifiers;
import io.warmy.domain.event.EventId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    private static final Instant FROZEN = Instant.parse("2026-03-20T14:30:00Z");

    @Test
    void uuidsMadeInOneMillisecondStillSortInTheOrderTheyWereMade() {
        UuidV7 uuids = new UuidV7(() -> FROZEN);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(uuids.next());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(made.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(FROZEN.toEpochMilli());
        made.forEach(EventId::new);
    }

    @Test
    void ulidsMadeInOneMillisecondStillSortInTheOrderTheyWereMade() {
        UlidIds ids = new UlidIds(() -> FROZEN);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates().allMatch(Identifiers::isBody);
    }

    @Test
    void ulidsAreTwentySixCrockfordCharactersLedByTheTime() {
        UlidIds ids = new UlidIds(() -> FROZEN);
        String a = ids.next();
        assertThat(Identifiers.isBody(a)).isTrue();
        assertThat(new UlidIds(() -> FROZEN.plusMillis(1)).next()).isGreaterThan(a);
    }
}
