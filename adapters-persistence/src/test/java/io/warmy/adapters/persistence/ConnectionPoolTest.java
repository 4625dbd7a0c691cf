package io.warmy.adapters.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionPoolTest {

    @Test
    void mysqlAndMariaDbUrlsGetTheDriverSettingsTheyDoNotNameThemselves() {
        assertThat(ConnectionPool.tuned("jdbc:mysql://db:3306/warmy"))
                .startsWith("jdbc:mysql://db:3306/warmy?useLocalSessionState=true&cachePrepStmts=true&")
                .contains("&rewriteBatchedStatements=true");
        assertThat(ConnectionPool.tuned("jdbc:mariadb://db/warmy?sslMode=REQUIRED"))
                .startsWith("jdbc:mariadb://db/warmy?sslMode=REQUIRED&useLocalSessionState=true&");
        // A setting the operator chose stays theirs, whatever its case.
        String chosen = ConnectionPool.tuned("jdbc:mysql://db/warmy?cacheprepstmts=false");
        assertThat(chosen).contains("cacheprepstmts=false").doesNotContain("cachePrepStmts=true");
        assertThat(chosen.split("[?&]")).hasSize(1 + ConnectionPool.MYSQL_PROPERTIES.size());
    }

    @Test
    void otherDatabasesUrlsAreLeftAsTheyAre() {
        String h2 = "jdbc:h2:file:./data/warmy;MODE=MySQL;AUTO_SERVER=TRUE";
        assertThat(ConnectionPool.tuned(h2)).isEqualTo(h2);
    }
}
