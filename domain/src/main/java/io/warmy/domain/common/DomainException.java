package io.warmy.domain.common;

/**
 * The small set of failures the domain and the use cases speak of. Each inbound adapter maps
 * them, once, to its own wire form (HTTP problem bodies, gRPC statuses).
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidValueException, MalformedException, NotFoundException, ConflictException,
                AccessDeniedException, UnauthenticatedException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, machine-readable code such as {@code mailbox_not_found}. */
    public String code() {
        return code;
    }
}
