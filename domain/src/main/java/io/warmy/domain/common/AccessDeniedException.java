package io.warmy.domain.common;

/** The caller is known but its key may not do this (not admin, wrong mode). */
public final class AccessDeniedException extends DomainException {

    public AccessDeniedException(String code, String message) {
        super(code, message);
    }
}
