package io.warmy.application.contract;

import io.warmy.application.idempotency.port.out.IdempotencyRecords;
import io.warmy.application.idempotency.port.out.IdempotencyRecords.Response;
import io.warmy.application.idempotency.port.out.IdempotencyRecords.Stored;
import io.warmy.application.testing.Store;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code IdempotencyRecords} adapter promises: one claim per key at a time, the response kept as given. */
public abstract class IdempotencyRecordsContract {

    protected abstract Store newStore();

    private static final String KEY = "a".repeat(64);
    private static final Instant T0 = Fixtures.T0;
    private static final Response CREATED = new Response(201, "application/json", "/api/v1/mailboxes/mbx_1",
            "{\"id\":\"mbx_1\",\"name\":\"Zoë ✓\"}", "req_1");

    private IdempotencyRecords records;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        Store store = newStore();
        records = store.idempotencyRecords();
        live = new Fixtures(store).tenant(Mode.LIVE);
    }

    private Optional<Stored> claim(String token, String fingerprint, Instant now) {
        return records.claim(live, KEY, token, fingerprint, now, now.minus(Duration.ofHours(24)),
                now.minus(Duration.ofMinutes(1)));
    }

    @Test
    void theFirstClaimWinsAndTheNextSeesItRunningThenItsResponse() {
        assertThat(claim("t1", "fp", T0)).isEmpty();
        assertThat(claim("t2", "fp", T0.plusSeconds(1))).contains(new Stored("t1", "fp", T0, Optional.empty()));
        records.complete(live, KEY, "t1", CREATED);
        assertThat(claim("t3", "fp", T0.plusSeconds(2))).contains(new Stored("t1", "fp", T0, Optional.of(CREATED)));
        assertThat(records.find(live, KEY)).contains(new Stored("t1", "fp", T0, Optional.of(CREATED)));
    }

    @Test
    void aResponseWithoutLocationOrRequestIdIsKeptAsIs() {
        Response noContent = new Response(200, "application/json", null, "{}", null);
        claim("t1", "fp", T0);
        records.complete(live, KEY, "t1", noContent);
        assertThat(records.find(live, KEY).flatMap(Stored::response)).contains(noContent);
    }

    @Test
    void onlyTheStandingClaimCompletesOrReleases() {
        claim("t1", "fp", T0);
        records.complete(live, KEY, "other", CREATED);
        records.release(live, KEY, "other");
        assertThat(records.find(live, KEY)).contains(new Stored("t1", "fp", T0, Optional.empty()));
        records.release(live, KEY, "t1");
        assertThat(records.find(live, KEY)).isEmpty();
        assertThat(claim("t2", "fp", T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void anAbandonedClaimIsTakenOverAndAnExpiredRecordForgotten() {
        claim("t1", "fp", T0);
        assertThat(claim("t2", "fp", T0.plusSeconds(59))).isPresent();
        assertThat(claim("t2", "fp", T0.plusSeconds(60))).isEmpty();
        records.complete(live, KEY, "t1", CREATED); // the old claim lost the key: nothing happens
        assertThat(records.find(live, KEY).flatMap(Stored::response)).isEmpty();
        records.complete(live, KEY, "t2", CREATED);
        assertThat(claim("t3", "fp", T0.plus(Duration.ofHours(24)))).isPresent();
        assertThat(claim("t3", "other", T0.plusSeconds(60).plus(Duration.ofHours(24)))).isEmpty();
    }

    @Test
    void keysAreSeparatePerTenantAndPurgedWhenExpired() {
        Tenant sandbox = new Tenant(live.workspaceId(), Mode.SANDBOX);
        claim("t1", "fp", T0);
        assertThat(records.claim(sandbox, KEY, "s1", "fp", T0, T0.minus(Duration.ofHours(24)),
                T0.minusSeconds(60))).isEmpty();
        assertThat(records.purge(T0.minusMillis(1))).isZero();
        assertThat(records.purge(T0)).isEqualTo(2);
        assertThat(records.find(live, KEY)).isEmpty();
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> won = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String token = "t" + i;
                won.add(pool.submit(() -> claim(token, "fp", T0).isEmpty()));
            }
            int winners = 0;
            for (Future<Boolean> f : won) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
