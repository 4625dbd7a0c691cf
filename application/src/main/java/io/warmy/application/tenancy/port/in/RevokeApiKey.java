package io.warmy.application.tenancy.port.in;

import io.warmy.domain.tenancy.ApiKey;

/** Revokes a key of the caller's workspace; every node refuses it within seconds. */
public interface RevokeApiKey {

    ApiKey revoke(Caller caller, String keyId);
}
