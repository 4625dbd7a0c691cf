package io.warmy.application.tenancy.service;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.AuthenticateApiKey;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.domain.common.UnauthenticatedException;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeySecret;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates bearer keys without a database read per request: a key found in the store is
 * trusted for {@code cacheFor} (2 s by default), so a key revoked on any node is refused on every
 * node within that time, well inside the 5 s the contract allows. {@code lastUsedAt} is written
 * at most once a minute per key.
 */
public final class ApiKeyAuthenticator implements AuthenticateApiKey {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 10_000;

    private record Cached(ApiKey key, Instant until) {
    }

    private final ApiKeys apiKeys;
    private final Clock clock;
    private final Duration cacheFor;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(ApiKeys apiKeys, Clock clock, Duration cacheFor) {
        if (cacheFor.compareTo(Duration.ofSeconds(5)) >= 0) {
            throw new IllegalArgumentException("cacheFor must stay below the 5 s revocation promise");
        }
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    public ApiKeyAuthenticator(ApiKeys apiKeys, Clock clock) {
        this(apiKeys, clock, Duration.ofSeconds(2));
    }

    @Override
    public Caller authenticate(String presentedKey) {
        ApiKeySecret secret = ApiKeySecret.parse(presentedKey).orElseThrow(() -> new UnauthenticatedException(
                "invalid_api_key", "The API key is malformed; expected 'Authorization: Bearer wk_live_…' or 'wk_test_…'."));
        String hash = secret.hash();
        Instant now = clock.now();
        Cached cached = cache.get(hash);
        ApiKey key;
        if (cached != null && now.isBefore(cached.until())) {
            key = cached.key();
        } else {
            Optional<ApiKey> found = apiKeys.findByHash(hash);
            if (found.isEmpty()) {
                cache.remove(hash);
                throw new UnauthenticatedException("invalid_api_key", "The API key is not valid.");
            }
            key = found.get();
            if (!key.revoked() && (key.lastUsedAt() == null || key.lastUsedAt().plus(TOUCH_EVERY).isBefore(now))) {
                apiKeys.touch(key.id(), now);
            }
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(hash, new Cached(key, now.plus(cacheFor)));
        }
        if (key.revoked()) {
            throw new UnauthenticatedException("api_key_revoked", "The API key was revoked.");
        }
        return new Caller(key.id(), key.tenant(), key.admin(), key.rateLimit());
    }

    /** Forgets a key at once on this node (the revoking node need not wait for the cache to expire). */
    void forget(String hash) {
        cache.remove(hash);
    }

    void forgetAll() {
        cache.clear();
    }
}
