package io.warmy.adapters.persistence;

import io.warmy.application.testing.Store;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DbSuppressionsTest {

    private static final int THREADS = 16;
    private static final int ADDRESSES = 20;

    /** Which address a racing add was for, and whether it answered that it added it. */
    private record Outcome(int address, boolean added) {
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ofRacingAddsOfOneAddressExactlyOneAddsIt(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();

        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            // Every thread adds the same addresses in the same order, so each round is one race.
            List<Outcome> outcomes = Concurrently.run(THREADS, ADDRESSES, (thread, address) -> {
                SuppressionReason reason = SuppressionReason.values()[thread % SuppressionReason.values().length];
                return new Outcome(address, adapter.suppressions().add(new Suppression(tenant, email(address),
                        reason, null, Fixture.NOW)));
            });

            Map<Integer, Long> addedPerAddress = outcomes.stream().filter(Outcome::added)
                    .collect(Collectors.groupingBy(Outcome::address, Collectors.counting()));
            assertThat(addedPerAddress).hasSize(ADDRESSES).allSatisfy((address, added) -> assertThat(added).isOne());
            assertThat(adapter.suppressions().list(tenant, Optional.empty(), 100)).hasSize(ADDRESSES);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAddressAlreadyOnTheListLeavesTheTransactionThatAddsItAgainUsable(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        Suppression first = new Suppression(tenant, email(1), SuppressionReason.BOUNCE, "p1", Fixture.NOW);
        store.suppressions().add(first);

        boolean addedAgain = store.transactions().inTransaction(() -> {
            store.suppressions().add(new Suppression(tenant, email(0), SuppressionReason.MANUAL, null, Fixture.NOW));
            boolean again = store.suppressions().add(
                    new Suppression(tenant, email(1), SuppressionReason.MANUAL, null, Fixture.NOW));
            store.suppressions().add(new Suppression(tenant, email(2), SuppressionReason.MANUAL, null, Fixture.NOW));
            return again;
        });

        assertThat(addedAgain).isFalse();
        assertThat(store.suppressions().list(tenant, Optional.empty(), 10)).extracting(Suppression::email)
                .containsExactly(email(0), email(1), email(2));
        assertThat(store.suppressions().find(tenant, email(1))).contains(first);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void addressesSortByTheirCharactersAndPagesNeverRepeatOrSkipOne(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        List<String> addresses = List.of("a-b@x.example", "a.b@x.example", "a@x.example", "a_b@x.example",
                "ab@x.example", "a+b@x.example", "0@x.example", "z@x.example");
        addresses.forEach(a -> store.suppressions().add(
                new Suppression(tenant, new EmailAddress(a), SuppressionReason.MANUAL, null, Fixture.NOW)));

        List<String> paged = new ArrayList<>();
        Optional<EmailAddress> after = Optional.empty();
        List<Suppression> page;
        do {
            page = store.suppressions().list(tenant, after, 3);
            page.forEach(s -> paged.add(s.email().value()));
            after = page.isEmpty() ? after : Optional.of(page.getLast().email());
        } while (page.size() == 3);

        assertThat(paged).containsExactlyElementsOf(addresses.stream().sorted().toList());
    }

    private static EmailAddress email(int n) {
        return new EmailAddress("prospect" + n + "@x.example");
    }
}
