package io.warmy.domain.tenancy;

import io.warmy.domain.common.InvalidValueException;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key as stored: everything but the secret, of which only the hash is kept.
 * An admin key may manage the workspace's keys; a sandbox key sees only sandbox data; every key
 * has its own {@link RateLimit}.
 */
public record ApiKey(ApiKeyId id, WorkspaceId workspaceId, String name, String prefix, String hash, Mode mode,
                     boolean admin, Instant createdAt, Instant lastUsedAt, Instant revokedAt, RateLimit rateLimit) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        name = requireName(name);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    public static ApiKey issue(ApiKeyId id, WorkspaceId workspaceId, String name, ApiKeySecret secret, boolean admin,
                               Instant now) {
        return issue(id, workspaceId, name, secret, admin, RateLimit.DEFAULT, now);
    }

    public static ApiKey issue(ApiKeyId id, WorkspaceId workspaceId, String name, ApiKeySecret secret, boolean admin,
                               RateLimit rateLimit, Instant now) {
        return new ApiKey(id, workspaceId, name, secret.displayPrefix(), secret.hash(), secret.mode(), admin, now,
                null, null, rateLimit);
    }

    /** The key as it stands once revoked at {@code at}. */
    public ApiKey revokedAt(Instant at) {
        return new ApiKey(id, workspaceId, name, prefix, hash, mode, admin, createdAt, lastUsedAt, at, rateLimit);
    }

    /** The key as it stands once used at {@code at}. */
    public ApiKey usedAt(Instant at) {
        return new ApiKey(id, workspaceId, name, prefix, hash, mode, admin, createdAt, at, revokedAt, rateLimit);
    }

    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "name is required.");
        }
        String trimmed = name.trim();
        if (trimmed.length() > 100) {
            throw new InvalidValueException("name", "name must be at most 100 characters.");
        }
        return trimmed;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Tenant tenant() {
        return new Tenant(workspaceId, mode);
    }
}
