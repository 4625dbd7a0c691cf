package io.warmy.domain.common;

/** A value that breaks a rule of the domain (out of range, wrong format); names the field. */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String field, String message) {
        this(field, "invalid_" + snake(field), message);
    }

    public InvalidValueException(String field, String code, String message) {
        super(code, message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    private static String snake(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toLowerCase();
    }
}
