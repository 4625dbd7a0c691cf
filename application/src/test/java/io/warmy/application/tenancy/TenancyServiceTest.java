package io.warmy.application.tenancy;

import io.warmy.application.MovableClock;
import io.warmy.application.common.PageRequest;
import io.warmy.application.common.UlidIds;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.application.tenancy.service.ApiKeyAuthenticator;
import io.warmy.application.tenancy.service.TenancyService;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.domain.common.AccessDeniedException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.common.UnauthenticatedException;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenancyServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final TenancyService tenancy = new TenancyService(store.workspaces(), store.apiKeys(), store.transactions(),
            new UlidIds(clock), clock);
    private final ApiKeyAuthenticator auth = new ApiKeyAuthenticator(store.apiKeys(), clock, Duration.ofSeconds(2));

    @Test
    void theFirstStartMakesOneWorkspaceWithALiveAndASandboxAdminKeyAndOnlyOnce() {
        var bootstrap = tenancy.bootstrapIfEmpty().orElseThrow();
        assertThat(bootstrap.workspace().name()).isEqualTo("default");
        assertThat(bootstrap.keys()).extracting(k -> k.key().mode()).containsExactly(Mode.LIVE, Mode.SANDBOX);
        assertThat(bootstrap.keys()).allMatch(k -> k.key().admin());
        assertThat(tenancy.bootstrapIfEmpty()).isEmpty();
    }

    @Test
    void aKeyIsStoredOnlyAsAHashAndAuthenticatesToItsWorkspaceAndMode() {
        CreateApiKey.Issued issued = tenancy.issueKey("acme", "CI", Mode.SANDBOX, false);
        ApiKey stored = store.apiKeys().findByHash(issued.key().hash()).orElseThrow();
        assertThat(stored.hash()).doesNotContain(issued.secret());
        assertThat(stored.prefix()).isEqualTo(issued.secret().substring(0, 12));
        Caller caller = auth.authenticate(issued.secret());
        assertThat(caller.tenant()).isEqualTo(stored.tenant());
        assertThat(caller.admin()).isFalse();
    }

    @Test
    void aRevokedKeyIsRefusedOnceTheCacheLapsesWellWithinFiveSeconds() {
        Caller admin = auth.authenticate(tenancy.issueKey("acme", "admin", Mode.LIVE, true).secret());
        CreateApiKey.Issued victim = tenancy.create(admin, new CreateApiKey.Command("CRM", null, false));
        auth.authenticate(victim.secret());
        tenancy.revoke(admin, victim.key().id().value());
        clock.advance(Duration.ofMillis(2001));
        assertThatThrownBy(() -> auth.authenticate(victim.secret()))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> assertThat(e.code()).isEqualTo("api_key_revoked"));
    }

    @Test
    void unknownAndMalformedKeysAreRefused() {
        assertThatThrownBy(() -> auth.authenticate("wk_live_" + "A".repeat(32))).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> auth.authenticate("Bearer nonsense")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> auth.authenticate(null)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void lastUsedIsRecordedAtMostOnceAMinute() {
        CreateApiKey.Issued issued = tenancy.issueKey("acme", "CI", Mode.LIVE, false);
        auth.authenticate(issued.secret());
        Instant first = store.apiKeys().findByHash(issued.key().hash()).orElseThrow().lastUsedAt();
        assertThat(first).isEqualTo(clock.now());
        clock.advance(Duration.ofSeconds(30));
        auth.authenticate(issued.secret());
        assertThat(store.apiKeys().findByHash(issued.key().hash()).orElseThrow().lastUsedAt()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(31));
        auth.authenticate(issued.secret());
        assertThat(store.apiKeys().findByHash(issued.key().hash()).orElseThrow().lastUsedAt()).isEqualTo(clock.now());
    }

    @Test
    void onlyAdminKeysManageKeysAndSandboxKeysCannotMintLiveOnes() {
        Caller plain = auth.authenticate(tenancy.issueKey("acme", "plain", Mode.LIVE, false).secret());
        assertThatThrownBy(() -> tenancy.list(plain, PageRequest.first(10))).isInstanceOf(AccessDeniedException.class);
        Caller sandboxAdmin = auth.authenticate(tenancy.issueKey("acme", "sbx", Mode.SANDBOX, true).secret());
        assertThatThrownBy(() -> tenancy.create(sandboxAdmin, new CreateApiKey.Command("x", Mode.LIVE, false)))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("sandbox_key_cannot_issue_live_key"));
        assertThat(tenancy.create(sandboxAdmin, new CreateApiKey.Command("x", null, false)).key().mode()).isEqualTo(Mode.SANDBOX);
    }

    @Test
    void anotherWorkspacesKeyCannotBeRevoked() {
        Caller acme = auth.authenticate(tenancy.issueKey("acme", "a", Mode.LIVE, true).secret());
        CreateApiKey.Issued globexKey = tenancy.issueKey("globex", "g", Mode.LIVE, true);
        assertThatThrownBy(() -> tenancy.revoke(acme, globexKey.key().id().value())).isInstanceOf(NotFoundException.class);
        auth.authenticate(globexKey.secret());
    }
}
