package io.warmy.adapters.persistence;

import io.warmy.adapters.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class DbServerSecretsTest {

    enum Db {
        H2, MARIADB;

        DatabaseSettings fresh() {
            return this == H2 ? TestDatabases.newH2() : TestDatabases.newMariaDb();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void nodesRacingToCreateASecretAllGetTheSameOne(Db db) throws Exception {
        DatabaseSettings settings = db.fresh();
        try (PersistenceAdapter a = PersistenceAdapter.open(settings); PersistenceAdapter b = PersistenceAdapter.open(settings)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] candidate = new byte[32];
                candidate[0] = (byte) i;
                PersistenceAdapter node = i % 2 == 0 ? a : b;
                calls.add(() -> node.serverSecrets().getOrCreate("tracking-key", candidate));
            }
            List<byte[]> answers = new ArrayList<>();
            for (Future<byte[]> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            pool.shutdown();
            assertThat(answers).allSatisfy(x -> assertThat(x).isEqualTo(answers.getFirst()).hasSize(32));
            assertThat(a.serverSecrets().getOrCreate("other", new byte[]{9})).containsExactly(9);
        }
    }
}
