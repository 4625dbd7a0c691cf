package io.warmy.adapters.persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFreshDatabaseGetsEveryMigrationOnceAndARepeatAppliesNothing(Engine engine) {
        DatabaseSettings fresh = engine.fresh();

        assertThat(PersistenceAdapter.migrate(fresh)).isEqualTo(1);
        assertThat(PersistenceAdapter.migrate(fresh)).isZero();
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh)) {
            assertThat(adapter.migrate()).isZero();
            assertThat(adapter.workspaces().isEmpty()).isTrue();
            assertThat(adapter.mailboxes().list(Fixture.tenant(), Fixture.NO_FILTER, Fixture.NO_CURSOR, 1)).isEmpty();
            assertThat(adapter.apiKeys().findByHash("0".repeat(64))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void openingMigratesAFreshDatabaseByItself(Engine engine) {
        DatabaseSettings fresh = engine.fresh();
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh)) {
            assertThat(adapter.isReady()).isTrue();
            assertThat(adapter.workspaces().isEmpty()).isTrue();
        }
        assertThat(PersistenceAdapter.migrate(fresh)).isZero();
    }
}
