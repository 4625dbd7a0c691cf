package io.warmy.adapters.persistence;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises the database errors that the ports give a meaning to, whatever wraps them. */
final class SqlErrors {

    /** MySQL and MariaDB: ER_DUP_ENTRY and ER_DUP_ENTRY_WITH_KEY_NAME. */
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;
    private static final int MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME = 1586;
    /** H2 and the SQL standard: unique constraint violated. */
    private static final String DUPLICATE_KEY_STATE = "23505";

    private SqlErrors() {
    }

    /**
     * Whether {@code failure} is a duplicate value of the unique key named {@code keyName}. Both
     * databases name the key in their message; a clash on another key (a reused id) is not it.
     */
    static boolean isDuplicateOf(RuntimeException failure, String keyName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isDuplicateKey(sql)) {
                String message = sql.getMessage();
                return message != null && message.toLowerCase(Locale.ROOT).contains(keyName);
            }
        }
        return false;
    }

    private static boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == MYSQL_DUPLICATE_ENTRY
                || e.getErrorCode() == MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME
                || DUPLICATE_KEY_STATE.equals(e.getSQLState());
    }
}
