package io.warmy.adapters.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is and how many connections to keep open: a MySQL/MariaDB URL
 * ({@code jdbc:mysql://host:3306/warmy}) or an H2 URL in MySQL mode, see {@link #embeddedH2(Path)}.
 *
 * @param jdbcUrl     JDBC URL of the database
 * @param user        database user (empty for none)
 * @param password    its password (empty for none); never shown by {@link #toString()}
 * @param maxPoolSize most connections open at once
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    public static final int DEFAULT_POOL_SIZE = 10;

    /**
     * The H2 options that make the one migration text and every query run as on MySQL: MySQL syntax
     * and semantics, and lower-case unquoted names, as MySQL reports them.
     */
    public static final String H2_MYSQL_MODE = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must start with 'jdbc:' (was '" + jdbcUrl + "')");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1 (was " + maxPoolSize + ")");
        }
    }

    /**
     * The embedded database in file {@code dataDir/warmy} (H2 adds {@code .mv.db}), so a server runs
     * with nothing installed. {@code AUTO_SERVER} lets the operator's command line (keys, migrate)
     * open the file while a server holds it: the first process serves it to the others.
     */
    public static DatabaseSettings embeddedH2(Path dataDir) {
        String file = dataDir.toAbsolutePath().normalize().resolve("warmy").toString();
        if (file.indexOf(';') >= 0) {
            // H2 reads ';' as the start of its URL options.
            throw new IllegalArgumentException("The data directory must not contain ';' (was '" + dataDir + "')");
        }
        return new DatabaseSettings("jdbc:h2:file:" + file + H2_MYSQL_MODE + ";AUTO_SERVER=TRUE", "sa", "",
                DEFAULT_POOL_SIZE);
    }

    /** The same database with another pool size. */
    public DatabaseSettings withMaxPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size);
    }

    @Override
    public String toString() {
        // A password can also ride in the URL's parameters.
        String url = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return "DatabaseSettings[jdbcUrl=" + url + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "***") + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
