package io.warmy.domain.health;

import io.warmy.domain.warmup.DailyStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The health formula as a table: every band's boundaries, missing authentication, tiny samples. */
class HealthScoreTest {

    private static final Authentication ALL_PASS = new Authentication(AuthResult.PASS, AuthResult.PASS, AuthResult.PASS);
    private static final LocalDate D = LocalDate.parse("2026-03-20");

    private static List<DailyStats> window(long sent, long inbox, long spam, long promotions, long bounces, long complaints) {
        return List.of(new DailyStats(D, sent, inbox, spam, promotions, 0, 0, 0, bounces, complaints));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, sent, inbox, spam, promotions, bounces, complaints, spf, dkim, dmarc, score, status
            "perfect,                    100, 100, 0,  0,  0, 0, pass, pass, pass, 100, excellent",
            "lowest excellent,           100, 75,  0,  25, 0, 0, pass, pass, pass, 90,  excellent",
            "just below excellent,       100, 75,  1,  24, 0, 0, pass, pass, pass, 89,  good",
            "lowest good,                100, 50,  5,  45, 0, 0, pass, pass, pass, 75,  good",
            "just below good,            100, 50,  0,  50, 2, 0, pass, pass, pass, 74,  fair",
            "lowest fair,                100, 5,   1,  94, 2, 0, pass, fail, pass, 50,  fair",
            "just below fair,            100, 0,   5,  95, 2, 0, pass, pass, pass, 49,  poor",
            "all spam,                   100, 0,   100, 0, 0, 0, pass, pass, pass, 40,  poor",
            "bounces at 5 % cost 15,     100, 100, 0,  0,  5, 0, pass, pass, pass, 85,  good",
            "complaints at 0.3 % cost 10,1000,1000,0,  0,  0, 3, pass, pass, pass, 90,  excellent",
            "no authentication costs 15, 100, 100, 0,  0,  0, 0, none, none, none, 85,  good",
            "one failing check costs 5,  100, 100, 0,  0,  0, 0, pass, fail, pass, 95,  excellent",
    })
    void scoresAndBands(String name, long sent, long inbox, long spam, long promotions, long bounces, long complaints,
                        String spf, String dkim, String dmarc, int score, String status) {
        Authentication auth = new Authentication(AuthResult.parse(spf, "spf"), AuthResult.parse(dkim, "dkim"),
                AuthResult.parse(dmarc, "dmarc"));
        Health h = HealthScore.of(window(sent, inbox, spam, promotions, bounces, complaints), auth);
        assertThat(h.score()).as(name).isEqualTo(score);
        assertThat(h.status().wireName()).as(name).isEqualTo(status);
    }

    @Test
    void belowTwentyPlacedMailsThereIsNoScore() {
        Health tiny = HealthScore.of(window(19, 19, 0, 0, 0, 0), ALL_PASS);
        assertThat(tiny.score()).isNull();
        assertThat(tiny.status()).isEqualTo(HealthStatus.INSUFFICIENT_DATA);
        assertThat(tiny.factors()).extracting(Health.Factor::name)
                .containsExactly("placement", "spam", "bounces", "complaints", "authentication");
        assertThat(HealthScore.of(window(20, 20, 0, 0, 0, 0), ALL_PASS).score()).isEqualTo(100);
        assertThat(HealthScore.of(List.of(), ALL_PASS).status()).isEqualTo(HealthStatus.INSUFFICIENT_DATA);
    }

    @Test
    void theWindowAddsItsDaysAndEachFactorShowsItsContribution() {
        List<DailyStats> days = List.of(
                new DailyStats(D, 20, 10, 10, 0, 0, 0, 0, 0, 0),
                new DailyStats(D.plusDays(1), 20, 20, 0, 0, 0, 0, 0, 0, 0));
        Health h = HealthScore.of(days, ALL_PASS);
        Health.Factor placement = h.factors().getFirst();
        assertThat(placement.value()).isEqualTo(0.75);
        assertThat(placement.weight()).isEqualTo(40);
        assertThat(placement.contribution()).isEqualTo(30.0);
        assertThat(h.factors().stream().mapToDouble(Health.Factor::contribution).sum()).isEqualTo(h.score().doubleValue(),
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(h.factors().stream().mapToInt(Health.Factor::weight).sum()).isEqualTo(100);
    }
}
