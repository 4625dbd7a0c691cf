package io.warmy.application.contract;

import io.warmy.application.suppression.port.out.Suppressions;
import io.warmy.application.testing.Store;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code Suppressions} adapter promises. */
public abstract class SuppressionsContract {

    protected abstract Store newStore();

    private static final Instant T = Instant.parse("2026-03-20T14:30:00.123Z");

    private Suppressions list;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        Store store = newStore();
        list = store.suppressions();
        live = new Fixtures(store).tenant(Mode.LIVE);
    }

    private Suppression entry(Tenant tenant, String email, SuppressionReason reason) {
        return new Suppression(tenant, new EmailAddress(email), reason, reason == SuppressionReason.MANUAL ? null : "p1", T);
    }

    @Test
    void anAddedAddressIsFoundWithEveryField() {
        Suppression s = entry(live, "anna@prospect.example", SuppressionReason.BOUNCE);
        assertThat(list.add(s)).isTrue();
        assertThat(list.find(live, new EmailAddress("ANNA@prospect.example"))).contains(s);
    }

    @Test
    void addingAnAddressTwiceKeepsTheFirstEntry() {
        Suppression first = entry(live, "anna@prospect.example", SuppressionReason.UNSUBSCRIBE);
        list.add(first);
        assertThat(list.add(entry(live, "anna@prospect.example", SuppressionReason.MANUAL))).isFalse();
        assertThat(list.find(live, first.email())).contains(first);
    }

    @Test
    void removingTakesTheAddressOffOnce() {
        list.add(entry(live, "anna@prospect.example", SuppressionReason.MANUAL));
        assertThat(list.remove(live, new EmailAddress("anna@prospect.example"))).isTrue();
        assertThat(list.remove(live, new EmailAddress("anna@prospect.example"))).isFalse();
        assertThat(list.find(live, new EmailAddress("anna@prospect.example"))).isEmpty();
        assertThat(list.add(entry(live, "anna@prospect.example", SuppressionReason.BOUNCE))).isTrue();
    }

    @Test
    void eachTenantHasItsOwnList() {
        list.add(entry(live, "anna@prospect.example", SuppressionReason.MANUAL));
        Tenant sandbox = new Tenant(live.workspaceId(), Mode.SANDBOX);
        assertThat(list.find(sandbox, new EmailAddress("anna@prospect.example"))).isEmpty();
        assertThat(list.remove(sandbox, new EmailAddress("anna@prospect.example"))).isFalse();
        assertThat(list.add(entry(sandbox, "anna@prospect.example", SuppressionReason.MANUAL))).isTrue();
        assertThat(list.list(sandbox, Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void listIsInAddressOrderAndPagesAfterTheLastAddress() {
        for (String e : new String[]{"carol@x.example", "anna@x.example", "bob@x.example", "dave@x.example"}) {
            list.add(entry(live, e, SuppressionReason.MANUAL));
        }
        var page1 = list.list(live, Optional.empty(), 3);
        assertThat(page1).extracting(s -> s.email().value()).containsExactly("anna@x.example", "bob@x.example", "carol@x.example");
        assertThat(list.list(live, Optional.of(page1.get(2).email()), 3)).extracting(s -> s.email().value())
                .containsExactly("dave@x.example");
    }
}
