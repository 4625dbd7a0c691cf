package io.warmy.adapters.persistence;

import io.warmy.application.testing.Store;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbMailboxesTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twoWritersOfTheSameReadRaceAndExactlyOneWins(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        Mailbox m = Fixture.mailbox(tenant, "anna@acme.example");
        store.mailboxes().insert(m);
        CyclicBarrier bothRead = new CyclicBarrier(2);

        List<Boolean> outcomes;
        try (ExecutorService twoThreads = Executors.newFixedThreadPool(2)) {
            List<CompletableFuture<Boolean>> writers = List.of(100, 200).stream()
                    .map(limit -> CompletableFuture.supplyAsync(() -> store.transactions().inTransaction(() -> {
                        Mailbox read = store.mailboxes().find(tenant, m.id()).orElseThrow();
                        await(bothRead);
                        return store.mailboxes().update(read.update(null, limit, Fixture.NOW));
                    }), twoThreads))
                    .toList();
            outcomes = writers.stream().map(CompletableFuture::join).toList();
        }
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        Mailbox stored = store.mailboxes().find(tenant, m.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.dailyLimit()).isEqualTo(outcomes.get(0) ? 100 : 200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReusedIdIsNotMistakenForAConnectedAddress(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        Mailbox m = Fixture.mailbox(tenant, "anna@acme.example");
        store.mailboxes().insert(m);
        Mailbox sameId = new Mailbox(m.id(), tenant, new EmailAddress("bob@acme.example"),
                m.provider(), null, 50, m.status(), null, m.warmup(), m.createdAt(), m.connectedAt(), m.updatedAt(), 0);

        assertThatThrownBy(() -> store.mailboxes().insert(sameId))
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(ConflictException.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDisplayNameKeepsEveryUnicodeCharacter(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        Mailbox m = Fixture.mailbox(tenant, "anna@acme.example").update("Anna Łukasiewicz 🚀 营销", null, Fixture.NOW);
        store.mailboxes().insert(m);

        assertThat(store.mailboxes().find(tenant, m.id()).orElseThrow().displayName())
                .isEqualTo("Anna Łukasiewicz 🚀 营销");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
