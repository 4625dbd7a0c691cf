package io.warmy.domain.tenancy;

import java.time.Instant;
import java.util.Objects;

/** {@code count} requests of one key's quota handed to a server node at {@code at}. */
public record QuotaGrant(Instant at, int count) {

    public QuotaGrant {
        Objects.requireNonNull(at, "at");
        if (count < 1) {
            throw new IllegalArgumentException("a grant is of at least one request");
        }
    }
}
