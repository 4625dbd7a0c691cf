package io.warmy.application.contract;

import io.warmy.application.health.port.out.HealthRecords;
import io.warmy.application.health.port.out.HealthRecords.HealthRecord;
import io.warmy.application.testing.Store;
import io.warmy.domain.health.AuthResult;
import io.warmy.domain.health.Authentication;
import io.warmy.domain.health.HealthStatus;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code HealthRecords} adapter promises. */
public abstract class HealthRecordsContract {

    protected abstract Store newStore();

    private static final MailboxId MBX = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE");

    private Store store;
    private HealthRecords records;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        store = newStore();
        records = store.healthRecords();
        live = new Fixtures(store).tenant(Mode.LIVE);
    }

    @Test
    void aMailboxWithoutARecordHasNone() {
        assertThat(records.find(live, MBX)).isEmpty();
        assertThat(store.transactions().inTransaction(() -> records.findForUpdate(live, MBX)))
                .isEmpty();
    }

    @Test
    void aSavedRecordComesBackWithEveryFieldAndReplacesTheLastOne() {
        HealthRecord first = new HealthRecord(HealthStatus.GOOD, 81, Instant.parse("2026-03-20T14:30:00.123Z"),
                new Authentication(AuthResult.PASS, AuthResult.FAIL, AuthResult.NONE), Set.of("day_7"), 2);
        store.transactions().inTransaction(() -> records.save(live, MBX, first));
        assertThat(records.find(live, MBX)).contains(first);

        HealthRecord second = new HealthRecord(HealthStatus.INSUFFICIENT_DATA, null, Instant.parse("2026-03-21T00:00:00Z"),
                Authentication.UNKNOWN, Set.of("day_7", "day_14", "daily_target"), 3);
        store.transactions().inTransaction(() -> {
            assertThat(records.findForUpdate(live, MBX)).contains(first);
            records.save(live, MBX, second);
        });
        assertThat(records.find(live, MBX)).contains(second);
        assertThat(records.find(new Tenant(live.workspaceId(), Mode.SANDBOX), MBX)).isEmpty();
    }
}
