package io.warmy.adapters.persistence;

import io.warmy.adapters.persistence.testing.TestDatabases;

import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistenceAdapterTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOpenAdapterIsReadyAndAClosedOneIsNot(Engine engine) {
        engine.emptyStore();
        PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared());
        assertThat(adapter.isReady()).isTrue();
        adapter.close();
        assertThat(adapter.isReady()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSchemaMissingTheNewestMigrationOrWithAFailedOneIsNotReady(Engine engine) throws Exception {
        DatabaseSettings fresh = engine == Engine.H2 ? TestDatabases.newH2() : TestDatabases.newMariaDb();
        try (PersistenceAdapter adapter = PersistenceAdapter.open(fresh);
             java.sql.Connection c = java.sql.DriverManager.getConnection(fresh.jdbcUrl(), fresh.user(), fresh.password());
             java.sql.Statement s = c.createStatement()) {
            assertThat(adapter.readiness()).isEqualTo(new PersistenceAdapter.Readiness(true, true));
            // A node of a newer build migrated further: this one stays in service.
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (100, '100', 'future', 'SQL',"
                    + " 'V100__future.sql', 0, 'test', 1, TRUE)");
            assertThat(adapter.isReady()).isTrue();
            // A failed migration, or the newest one this build needs missing: not ready.
            s.executeUpdate("UPDATE flyway_schema_history SET success = FALSE WHERE version = '100'");
            assertThat(adapter.readiness()).isEqualTo(new PersistenceAdapter.Readiness(true, false));
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '100'");
            assertThat(adapter.isReady()).isTrue();
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '8'");
            assertThat(adapter.readiness()).isEqualTo(new PersistenceAdapter.Readiness(true, false));
        }
    }

    @Test
    void theEmbeddedDatabaseKeepsItsDataInItsDirectoryAcrossRestarts(@TempDir Path dataDir) {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
        Workspace acme = Fixture.workspace("acme");
        try (PersistenceAdapter adapter = PersistenceAdapter.open(settings)) {
            adapter.workspaces().insert(acme);
        }
        assertThat(dataDir.resolve("warmy.mv.db")).exists();
        try (PersistenceAdapter again = PersistenceAdapter.open(settings)) {
            assertThat(again.workspaces().find(acme.id())).contains(acme);
        }
    }

    @Test
    void theEmbeddedDatabaseRunsInMySqlModeAndLetsTheCommandLineInWhileAServerHoldsIt(@TempDir Path dataDir) {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
        assertThat(settings.jdbcUrl())
                .startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("warmy"))
                .contains(";MODE=MySQL;DATABASE_TO_LOWER=TRUE");
        Workspace acme = new Workspace(WorkspaceId.fromUlid("01JD4S3K2M9V6QW8XR5T7YB0CE"), "acme", Instant.ofEpochMilli(1));
        try (PersistenceAdapter server = PersistenceAdapter.open(settings);
             PersistenceAdapter operator = PersistenceAdapter.open(settings)) {
            operator.workspaces().insert(acme);
            assertThat(server.workspaces().find(acme.id())).contains(acme);
        }
    }

    @Test
    void anUnreachableDatabaseFailsToOpenNamingItButNotItsPassword() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:mysql://127.0.0.1:1/warmy?connectTimeout=1000", "warmy",
                "s3cret", 2);
        assertThatThrownBy(() -> PersistenceAdapter.open(nowhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:mysql://127.0.0.1:1/warmy")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void settingsNeverShowThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:mysql://db:3306/warmy?password=s3cret-in-url", "warmy",
                "s3cret", 5);
        assertThat(settings.toString()).doesNotContain("s3cret").contains("warmy", "maxPoolSize=5");
    }
}
