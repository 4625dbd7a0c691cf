package io.warmy.domain.warmup;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementCountingTest {

    private static final LocalDate D = LocalDate.parse("2026-03-20");

    @Test
    void aFirstPlacementCountsInItsFolder() {
        assertThat(PlacementCounting.delta(D, Optional.empty(), Placement.PROMOTIONS))
                .isEqualTo(new DailyStats(D, 0, 0, 0, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void aMoveFromSpamToTheInboxIsSavedFromSpam() {
        assertThat(PlacementCounting.delta(D, Optional.of(Placement.SPAM), Placement.INBOX))
                .isEqualTo(new DailyStats(D, 0, 1, -1, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void otherMovesOnlyMoveTheCount() {
        assertThat(PlacementCounting.delta(D, Optional.of(Placement.MISSING), Placement.INBOX))
                .isEqualTo(new DailyStats(D, 0, 1, 0, 0, -1, 0, 0, 0, 0));
        assertThat(PlacementCounting.delta(D, Optional.of(Placement.INBOX), Placement.SPAM))
                .isEqualTo(new DailyStats(D, 0, -1, 1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void theSamePlacementAgainChangesNothing() {
        assertThat(PlacementCounting.delta(D, Optional.of(Placement.SPAM), Placement.SPAM))
                .isEqualTo(DailyStats.empty(D));
    }
}
