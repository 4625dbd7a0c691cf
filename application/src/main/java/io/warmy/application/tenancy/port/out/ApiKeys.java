package io.warmy.application.tenancy.port.out;

import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores API keys by the hash of their secret; the secret itself is never given to a store. */
public interface ApiKeys {

    void insert(ApiKey key);

    /** The key whose secret hashes to {@code hash}, in any workspace, revoked or not. */
    Optional<ApiKey> findByHash(String hash);

    Optional<ApiKey> find(WorkspaceId workspaceId, ApiKeyId id);

    /** Keys of a workspace (both modes), newest first, after {@code afterId} when given, at most {@code limit}. */
    List<ApiKey> list(WorkspaceId workspaceId, Optional<ApiKeyId> afterId, int limit);

    /** Marks a key revoked at {@code at} unless it already is; answers the key as it now stands. */
    Optional<ApiKey> revoke(WorkspaceId workspaceId, ApiKeyId id, Instant at);

    /** Records that a key was used; stores may drop the write when a later time is already stored. */
    void touch(ApiKeyId id, Instant at);
}
