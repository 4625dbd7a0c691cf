package io.warmy.adapters.persistence;

import io.warmy.application.testing.Store;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.ApiKeySecret;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's rows: a busy key's grants share rows, so a lease reads a bounded number of them. */
class DbQuotaLedgerTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void grantsWithinOnePercentOfTheHourShareARowDatedByTheLatest(Engine engine) throws Exception {
        Store store = engine.emptyStore();
        Workspace ws = Fixture.workspace("ledger");
        store.workspaces().insert(ws);
        ApiKey key = ApiKey.issue(new ApiKeyId("key_" + Fixture.ulid()), ws.id(), "busy",
                ApiKeySecret.fromRandom(Mode.LIVE, () -> 7), false, Fixture.NOW);
        store.apiKeys().insert(key);
        RateLimit limit = new RateLimit(1_000_000);
        Instant t0 = Fixture.NOW;
        for (int i = 0; i < 70; i++) {
            // A lease every half second for 35 s: all within the 36 s that share a row.
            assertThat(store.quotaLedger().lease(ws.id(), key.id(), limit, 100, t0.plusMillis(500L * i)).granted())
                    .isEqualTo(100);
        }
        assertThat(rows(engine, key)).containsExactly(new long[] {t0.plusMillis(500L * 69).toEpochMilli(), 7000});
        Instant later = t0.plus(DbQuotaLedger.MERGE).plusSeconds(40);
        var lease = store.quotaLedger().lease(ws.id(), key.id(), limit, 100, later);
        assertThat(lease.used()).isEqualTo(7100);
        assertThat(rows(engine, key)).hasSize(2);
        // An hour after the latest of the merged grants, all of them have left the window.
        Instant hourLater = t0.plusMillis(500L * 69).plus(RateLimit.WINDOW).plus(Duration.ofMillis(1));
        assertThat(store.quotaLedger().lease(ws.id(), key.id(), limit, 100, hourLater).used()).isEqualTo(200);
    }

    private static java.util.List<long[]> rows(Engine engine, ApiKey key) throws Exception {
        DatabaseSettings db = engine.shared();
        java.util.List<long[]> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement("SELECT granted_at_ms, granted FROM rate_limit_grants"
                     + " WHERE api_key_id = ? ORDER BY granted_at_ms")) {
            s.setString(1, key.id().value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return rows;
    }
}
