package io.warmy.adapters.rest;

import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.domain.tenancy.ApiKey;

/** The answer to creating a key: the key as lists show it plus, this one time, the full {@code key}. */
record IssuedApiKeyJson(String id, String name, String prefix, String mode, boolean admin, String createdAt,
                        String lastUsedAt, String revokedAt, int rateLimitPerHour, String key) {

    static IssuedApiKeyJson of(CreateApiKey.Issued issued) {
        ApiKey k = issued.key();
        return new IssuedApiKeyJson(k.id().value(), k.name(), k.prefix(), k.mode().wireName(), k.admin(),
                Json.time(k.createdAt()), Json.time(k.lastUsedAt()), Json.time(k.revokedAt()), k.rateLimit().perHour(),
                issued.secret());
    }

    @Override
    public String toString() {
        return "IssuedApiKeyJson[" + id + "]";
    }
}
