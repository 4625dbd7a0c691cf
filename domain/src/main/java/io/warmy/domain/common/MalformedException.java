package io.warmy.domain.common;

/**
 * A request that cannot even be read as meant: a malformed id, cursor or query parameter.
 * Distinct from {@link InvalidValueException}, which is a well-formed value the rules refuse.
 */
public final class MalformedException extends DomainException {

    private final String field;

    public MalformedException(String field, String message) {
        super("malformed_" + field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(), message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
