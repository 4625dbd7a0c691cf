package io.warmy.application.contract;

import io.warmy.application.testing.Store;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code ApiKeys} adapter promises. Extend it and hand over a store with empty tables. */
public abstract class ApiKeysContract {

    protected abstract Store newStore();

    private Store store;
    private Fixtures fx;
    private WorkspaceId acme;
    private WorkspaceId globex;

    @BeforeEach
    void freshStore() {
        store = newStore();
        fx = new Fixtures(store);
        acme = fx.workspace("acme").id();
        globex = fx.workspace("globex").id();
    }

    @Test
    void aStoredKeyIsFoundByTheHashOfItsSecretWithEveryField() {
        ApiKey key = fx.apiKey(acme, Mode.SANDBOX, true);
        store.apiKeys().insert(key);
        assertThat(store.apiKeys().findByHash(key.hash())).contains(key);
        assertThat(store.apiKeys().findByHash("0".repeat(64))).isEmpty();
    }

    @Test
    void aKeysOwnRateLimitIsKept() {
        ApiKey issued = fx.apiKey(acme, Mode.LIVE, false);
        ApiKey key = ApiKey.issue(issued.id(), acme, issued.name(), io.warmy.domain.tenancy.ApiKeySecret.fromRandom(
                Mode.LIVE, () -> 7), false, new io.warmy.domain.tenancy.RateLimit(250), fx.now());
        store.apiKeys().insert(key);
        assertThat(store.apiKeys().find(acme, key.id())).map(ApiKey::rateLimit)
                .contains(new io.warmy.domain.tenancy.RateLimit(250));
    }

    @Test
    void findIsScopedToTheKeysWorkspace() {
        ApiKey key = fx.apiKey(acme, Mode.LIVE, false);
        store.apiKeys().insert(key);
        assertThat(store.apiKeys().find(acme, key.id())).contains(key);
        assertThat(store.apiKeys().find(globex, key.id())).isEmpty();
    }

    @Test
    void listShowsOneWorkspacesKeysOfBothModesNewestFirstPageByPage() {
        List<ApiKey> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ApiKey k = fx.apiKey(acme, i % 2 == 0 ? Mode.LIVE : Mode.SANDBOX, false);
            store.apiKeys().insert(k);
            inserted.add(k);
        }
        store.apiKeys().insert(fx.apiKey(globex, Mode.LIVE, true));

        List<ApiKey> newestFirst = inserted.reversed();
        List<ApiKey> first = store.apiKeys().list(acme, Optional.empty(), 2);
        assertThat(first).containsExactlyElementsOf(newestFirst.subList(0, 2));
        List<ApiKey> rest = store.apiKeys().list(acme, Optional.of(first.get(1).id()), 10);
        assertThat(rest).containsExactlyElementsOf(newestFirst.subList(2, 5));
    }

    @Test
    void revokingStampsTheFirstRevocationTimeOnly() {
        ApiKey key = fx.apiKey(acme, Mode.LIVE, false);
        store.apiKeys().insert(key);
        Instant first = Instant.parse("2026-04-01T10:00:00.001Z");
        assertThat(store.apiKeys().revoke(acme, key.id(), first)).map(ApiKey::revokedAt).contains(first);
        assertThat(store.apiKeys().revoke(acme, key.id(), first.plusSeconds(60))).map(ApiKey::revokedAt).contains(first);
        assertThat(store.apiKeys().findByHash(key.hash())).map(ApiKey::revokedAt).contains(first);
    }

    @Test
    void anotherWorkspaceCannotRevokeAKey() {
        ApiKey key = fx.apiKey(acme, Mode.LIVE, false);
        store.apiKeys().insert(key);
        assertThat(store.apiKeys().revoke(globex, key.id(), Instant.now())).isEmpty();
        assertThat(store.apiKeys().revoke(acme, new ApiKeyId("key_01JD4S3K2M9V6QW8XR5T7YB0CE"), Instant.now())).isEmpty();
        assertThat(store.apiKeys().findByHash(key.hash()).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void lastUsedOnlyMovesForward() {
        ApiKey key = fx.apiKey(acme, Mode.LIVE, false);
        store.apiKeys().insert(key);
        Instant later = Instant.parse("2026-04-01T10:00:00.500Z");
        store.apiKeys().touch(key.id(), later);
        store.apiKeys().touch(key.id(), later.minusSeconds(30));
        assertThat(store.apiKeys().findByHash(key.hash())).map(ApiKey::lastUsedAt).contains(later);
    }
}
