package io.warmy.application.tenancy.port.in;

import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.Tenant;

/**
 * Who is calling, as proven by an API key: its workspace and mode, whether it is an admin key, and
 * the key's rate limit.
 */
public record Caller(ApiKeyId keyId, Tenant tenant, boolean admin, RateLimit rateLimit) {

    /** A caller under the default rate limit. */
    public Caller(ApiKeyId keyId, Tenant tenant, boolean admin) {
        this(keyId, tenant, admin, RateLimit.DEFAULT);
    }
}
