package io.warmy.domain.tenancy;

import io.warmy.domain.common.Identifiers;

/** The public id of an API key (never the key itself). */
public record ApiKeyId(String value) {

    public static final String PREFIX = "key_";

    public ApiKeyId {
        Identifiers.require(value, PREFIX, "id");
    }

    public static ApiKeyId fromUlid(String ulid) {
        return new ApiKeyId(PREFIX + ulid);
    }

    @Override
    public String toString() {
        return value;
    }
}
