package io.warmy.application.tenancy.port.in;

import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.Tenant;

/** Who is calling, as proven by an API key: its workspace and mode, and whether it is an admin key. */
public record Caller(ApiKeyId keyId, Tenant tenant, boolean admin) {
}
