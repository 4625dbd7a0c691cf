package io.warmy.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A MariaDB database of the suite's own, made for one scenario and dropped after it. */
final class Database implements AutoCloseable {

    static final String USER = "warmy_test";
    static final String PASSWORD = "warmy_test";
    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

    final String name;
    final String url;

    private Database(String name) {
        this.name = name;
        this.url = SERVER + name + "?rewriteBatchedStatements=true";
    }

    static Database create(String purpose) {
        Database db = new Database("warmy_bench_" + purpose.replaceAll("[^a-z0-9]", "_") + "_" + ProcessHandle.current().pid());
        db.admin("DROP DATABASE IF EXISTS " + db.name);
        db.admin("CREATE DATABASE " + db.name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return db;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at 127.0.0.1:3306 (user " + USER + "): " + e.getMessage()
                    + " — bench/run starts it with bin/ensure-mariadb", e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name);
    }
}
