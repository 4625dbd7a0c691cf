package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Reads the columns of a row left to right, in the order its SELECT named them. Positions, unlike
 * labels, read the same on H2 and MySQL, and each driver's own Java types are folded here into
 * the few the rows need.
 */
final class Columns {

    private final DbRow row;
    private int next = 1;

    Columns(DbRow row) {
        this.row = row;
    }

    String string() {
        Object value = nextValue();
        return value == null ? null : value.toString();
    }

    /** A long text column, which H2 answers as a CLOB. */
    String text() {
        Object value = nextValue();
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, Math.toIntExact(clob.length()));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Reading a text column failed", e);
            }
        }
        return value == null ? null : value.toString();
    }

    int integer() {
        return Math.toIntExact(number().longValue());
    }

    Integer nullableInteger() {
        Object value = nextValue();
        return value == null ? null : Math.toIntExact(((Number) value).longValue());
    }

    long longValue() {
        return number().longValue();
    }

    boolean bool() {
        Object value = required(nextValue());
        // MySQL's BOOLEAN is TINYINT(1), which a driver may hand over as a number.
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    Boolean nullableBool() {
        Object value = nextValue();
        return value == null ? null : value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    Instant instant() {
        return Instant.ofEpochMilli(longValue());
    }

    Instant nullableInstant() {
        Object value = nextValue();
        return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
    }

    LocalDate date() {
        Object value = nextValue();
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            case LocalDateTime t -> t.toLocalDate();
            default -> throw new IllegalStateException("Column " + (next - 1) + " is not a date: " + value.getClass());
        };
    }

    private Number number() {
        return (Number) required(nextValue());
    }

    private Object required(Object value) {
        if (value == null) {
            throw new IllegalStateException("Column " + (next - 1) + " is null but must not be");
        }
        return value;
    }

    private Object nextValue() {
        return row.column(next++).get(Object.class);
    }
}
