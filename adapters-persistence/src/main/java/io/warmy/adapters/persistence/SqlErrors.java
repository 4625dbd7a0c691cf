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

    /**
     * Whether {@code failure} is a duplicate value of any unique key: for tables whose only unique
     * key is the primary one, which MySQL names PRIMARY and H2 does not name at all.
     */
    static boolean isDuplicate(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isDuplicateKey(sql)) {
                return true;
            }
        }
        return false;
    }

    /** MySQL/MariaDB: ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT; H2: lock timeout. */
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int H2_LOCK_TIMEOUT = 50200;
    /** The SQL standard's serialization failure, which deadlock victims report. */
    private static final String SERIALIZATION_FAILURE_STATE = "40001";

    /** Whether the database aborted the work to break a lock conflict: trying it again is safe and likely to succeed. */
    static boolean isTransientConflict(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (SERIALIZATION_FAILURE_STATE.equals(sql.getSQLState())
                    || sql.getErrorCode() == MYSQL_DEADLOCK || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT
                    || sql.getErrorCode() == H2_LOCK_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == MYSQL_DUPLICATE_ENTRY
                || e.getErrorCode() == MYSQL_DUPLICATE_ENTRY_WITH_KEY_NAME
                || DUPLICATE_KEY_STATE.equals(e.getSQLState());
    }

    /**
     * Whether {@code failure} says the database could not be reached: no connection to be had
     * from the pool in time, a connection refused or broken (SQL state class 08).
     */
    static boolean isUnreachable(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost SQL message of {@code failure}, for a log line (never bound values). */
    static String describe(RuntimeException failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                message = sql.getMessage();
            }
        }
        return message;
    }
}
