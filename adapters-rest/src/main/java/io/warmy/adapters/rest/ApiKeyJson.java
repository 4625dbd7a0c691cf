package io.warmy.adapters.rest;

import io.warmy.domain.tenancy.ApiKey;

/** An API key as lists show it: recognisable by its prefix, never its secret. */
record ApiKeyJson(String id, String name, String prefix, String mode, boolean admin, String createdAt,
                  String lastUsedAt, String revokedAt, int rateLimitPerHour) {

    static ApiKeyJson of(ApiKey k) {
        return new ApiKeyJson(k.id().value(), k.name(), k.prefix(), k.mode().wireName(), k.admin(),
                Json.time(k.createdAt()), Json.time(k.lastUsedAt()), Json.time(k.revokedAt()),
                k.rateLimit().perHour());
    }
}
