package io.warmy.domain.common;

/** The request is valid but clashes with the current state (already connected, disconnected...). */
public final class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
