package io.warmy.application.contract;

import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.application.testing.Store;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.QuotaWindow;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code QuotaLedger} adapter promises: grants of one key never pass its limit in an hour, on any number of nodes. */
public abstract class QuotaLedgerContract {

    protected abstract Store newStore();

    private Store store;
    private QuotaLedger ledger;
    private Fixtures fx;
    private WorkspaceId acme;
    private ApiKey key;

    @BeforeEach
    void freshStore() {
        store = newStore();
        ledger = store.quotaLedger();
        fx = new Fixtures(store);
        acme = fx.workspace("acme").id();
        key = fx.apiKey(acme, Mode.LIVE, false);
        store.apiKeys().insert(key);
    }

    @Test
    void grantsBlocksUntilTheHourIsFullThenSaysWhenToComeBack() {
        RateLimit limit = new RateLimit(25);
        Instant t0 = Fixtures.T0;
        assertThat(ledger.lease(acme, key.id(), limit, 10, t0)).isEqualTo(new QuotaWindow.Lease(10, 10,
                t0.plus(RateLimit.WINDOW), null));
        assertThat(ledger.lease(acme, key.id(), limit, 10, t0.plusSeconds(60)).granted()).isEqualTo(10);
        QuotaWindow.Lease partial = ledger.lease(acme, key.id(), limit, 10, t0.plusSeconds(120));
        assertThat(partial.granted()).isEqualTo(5);
        assertThat(partial.used()).isEqualTo(25);
        QuotaWindow.Lease refused = ledger.lease(acme, key.id(), limit, 10, t0.plusSeconds(180));
        assertThat(refused.granted()).isZero();
        assertThat(refused.retryAt()).isEqualTo(t0.plus(RateLimit.WINDOW));
        assertThat(refused.resetAt()).isEqualTo(t0.plusSeconds(120).plus(RateLimit.WINDOW));
        assertThat(ledger.lease(acme, key.id(), limit, 10, t0.plus(RateLimit.WINDOW)).granted()).isEqualTo(10);
    }

    @Test
    void twoGrantsInOneMillisecondBothCount() {
        RateLimit limit = new RateLimit(4);
        Instant t0 = Fixtures.T0;
        assertThat(ledger.lease(acme, key.id(), limit, 2, t0).granted()).isEqualTo(2);
        assertThat(ledger.lease(acme, key.id(), limit, 2, t0).granted()).isEqualTo(2);
        assertThat(ledger.lease(acme, key.id(), limit, 1, t0).granted()).isZero();
    }

    @Test
    void keysHaveTheirOwnQuota() {
        ApiKey other = fx.apiKey(acme, Mode.LIVE, false);
        store.apiKeys().insert(other);
        RateLimit limit = new RateLimit(3);
        assertThat(ledger.lease(acme, key.id(), limit, 3, Fixtures.T0).granted()).isEqualTo(3);
        assertThat(ledger.lease(acme, other.id(), limit, 3, Fixtures.T0).granted()).isEqualTo(3);
    }

    @Test
    void racingNodesNeverTogetherPassTheLimit() throws Exception {
        RateLimit limit = new RateLimit(300);
        Instant t0 = Fixtures.T0;
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> granted = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                int node = n;
                granted.add(nodes.submit(() -> {
                    int total = 0;
                    for (int i = 0; i < 20; i++) {
                        total += ledger.lease(acme, key.id(), limit, 3, t0.plus(Duration.ofMillis(node * 20L + i)))
                                .granted();
                    }
                    return total;
                }));
            }
            int total = 0;
            for (Future<Integer> f : granted) {
                total += f.get();
            }
            assertThat(total).isEqualTo(300);
        } finally {
            nodes.shutdownNow();
        }
    }
}
