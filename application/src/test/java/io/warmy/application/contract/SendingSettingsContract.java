package io.warmy.application.contract;

import io.warmy.application.testing.Store;
import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code SendingSettings} adapter promises. */
public abstract class SendingSettingsContract {

    protected abstract Store newStore();

    private Store store;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        store = newStore();
        live = new Fixtures(store).tenant(Mode.LIVE);
    }

    @Test
    void unsetLimitsAreTheDefaults() {
        assertThat(store.sendingSettings().get(live)).isEqualTo(SendingLimits.DEFAULTS);
    }

    @Test
    void storedLimitsReplaceEarlierOnesPerTenant() {
        store.sendingSettings().put(live, new SendingLimits(120));
        store.sendingSettings().put(live, new SendingLimits(80));
        assertThat(store.sendingSettings().get(live)).isEqualTo(new SendingLimits(80));
        assertThat(store.sendingSettings().get(new Tenant(live.workspaceId(), Mode.SANDBOX))).isEqualTo(SendingLimits.DEFAULTS);
    }
}
