package io.warmy.domain.common;

/** No valid credential: missing, malformed, unknown or revoked key. */
public final class UnauthenticatedException extends DomainException {

    public UnauthenticatedException(String code, String message) {
        super(code, message);
    }
}
