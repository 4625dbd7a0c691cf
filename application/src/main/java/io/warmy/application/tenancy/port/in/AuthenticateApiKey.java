package io.warmy.application.tenancy.port.in;

/** Turns a presented bearer key into a {@link Caller}, or refuses it. */
public interface AuthenticateApiKey {

    /** @throws io.warmy.domain.common.UnauthenticatedException when the key is missing, malformed, unknown or revoked */
    Caller authenticate(String presentedKey);
}
