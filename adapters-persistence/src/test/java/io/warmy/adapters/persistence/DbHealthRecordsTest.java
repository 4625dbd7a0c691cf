package io.warmy.adapters.persistence;

import io.warmy.application.health.port.out.HealthRecords;
import io.warmy.application.health.port.out.HealthRecords.HealthRecord;
import io.warmy.domain.health.AuthResult;
import io.warmy.domain.health.Authentication;
import io.warmy.domain.health.HealthStatus;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbHealthRecordsTest {

    private static final int THREADS = 16;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void racingReviewersOfAMailboxNeverReviewedBeforeTakeTurnsSoNoneLosesTheOthersWrite(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());
        int rounds = 6;

        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            HealthRecords health = adapter.healthRecords();
            // Each review counts itself in the score: a review that did not wait for the one before loses a count.
            List<Integer> seen = Concurrently.run(THREADS, rounds, (thread, round) ->
                    adapter.transactions().inTransaction(() -> {
                        HealthRecord before = health.findForUpdate(tenant, mailbox).orElse(HealthRecord.NONE);
                        int reviews = before.score() == null ? 0 : before.score();
                        health.save(tenant, mailbox, new HealthRecord(HealthStatus.GOOD, reviews + 1, Fixture.NOW,
                                Authentication.UNKNOWN, Set.of(), reviews + 1));
                        return reviews;
                    }));

            assertThat(seen).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, THREADS * rounds).boxed().toList());
            assertThat(health.find(tenant, mailbox).orElseThrow().score()).isEqualTo(THREADS * rounds);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReviewThatSavedNothingLeavesTheMailboxWithoutARecord(Engine engine) {
        var store = engine.emptyStore();
        HealthRecords health = store.healthRecords();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());

        assertThat(store.transactions().inTransaction(() -> health.findForUpdate(tenant, mailbox))).isEmpty();
        assertThat(health.findForUpdate(tenant, mailbox)).isEmpty();
        assertThat(health.find(tenant, mailbox)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSavedRecordReadsBackAsSavedAndASecondSaveReplacesIt(Engine engine) {
        HealthRecords health = engine.emptyStore().healthRecords();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());
        HealthRecord first = new HealthRecord(HealthStatus.INSUFFICIENT_DATA, null, Instant.ofEpochMilli(1_234),
                Authentication.UNKNOWN, Set.of(), 0);
        HealthRecord second = new HealthRecord(HealthStatus.EXCELLENT, 93, Fixture.NOW,
                new Authentication(AuthResult.PASS, AuthResult.FAIL, AuthResult.NONE),
                Set.of("day_7", "day_14", "daily_target"), 4);

        health.save(tenant, mailbox, first);
        assertThat(health.find(tenant, mailbox)).contains(first);
        health.save(tenant, mailbox, second);
        assertThat(health.find(tenant, mailbox)).contains(second);
        assertThat(health.findForUpdate(tenant, mailbox)).contains(second);
        assertThat(health.find(tenant, MailboxId.fromUlid(Fixture.ulid()))).isEmpty();
        assertThat(health.find(Fixture.tenant(), mailbox)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMilestoneNameThatWouldSplitInTheTableIsRefused(Engine engine) {
        HealthRecords health = engine.emptyStore().healthRecords();
        Tenant tenant = Fixture.tenant();
        MailboxId mailbox = MailboxId.fromUlid(Fixture.ulid());

        assertThatThrownBy(() -> health.save(tenant, mailbox, new HealthRecord(HealthStatus.GOOD, 80, Fixture.NOW,
                Authentication.UNKNOWN, Set.of("day_7,day_14"), 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(health.find(tenant, mailbox)).isEmpty();
    }
}
