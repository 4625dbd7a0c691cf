package io.warmy.adapters.rest;

import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Sending limits over HTTP: any key reads them, only an admin key changes them, per mode, within range. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendingLimitRoutesTest {

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void anyKeyReadsTheDefaultLimit() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response r = api.get("/api/v1/sending-limits", key);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"domainDailyLimit\":500}");
    }

    @Test
    void adminKeyChangesTheLimitOfItsOwnModeOnly() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        String reader = api.keyOfSameWorkspace(admin, Mode.LIVE, false);
        String sandbox = api.keyOfSameWorkspace(admin, Mode.SANDBOX, true);
        String stranger = api.keyOfNewWorkspace(Mode.LIVE, true);

        Response r = api.patch("/api/v1/sending-limits", admin, "{\"domainDailyLimit\":1200}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("domainDailyLimit").asInt()).isEqualTo(1200);
        assertThat(limit(reader)).isEqualTo(1200);
        assertThat(limit(sandbox)).isEqualTo(500);
        assertThat(limit(stranger)).isEqualTo(500);
    }

    @Test
    void limitsAtTheEndsOfTheRangeAreTaken() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);

        assertThat(api.patch("/api/v1/sending-limits", admin, "{\"domainDailyLimit\":1}").json()
                .get("domainDailyLimit").asInt()).isEqualTo(1);
        assertThat(api.patch("/api/v1/sending-limits", admin, "{\"domainDailyLimit\":1000000}").json()
                .get("domainDailyLimit").asInt()).isEqualTo(1_000_000);
        assertThat(limit(admin)).isEqualTo(1_000_000);
    }

    @Test
    void aLimitLeftOutKeepsItsValue() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        api.patch("/api/v1/sending-limits", admin, "{\"domainDailyLimit\":700}");

        Response r = api.patch("/api/v1/sending-limits", admin, "{}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("domainDailyLimit").asInt()).isEqualTo(700);
        assertThat(limit(admin)).isEqualTo(700);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"domainDailyLimit\":0}           | domainDailyLimit | invalid_domain_daily_limit",
            "{\"domainDailyLimit\":-5}          | domainDailyLimit | invalid_domain_daily_limit",
            "{\"domainDailyLimit\":1000001}     | domainDailyLimit | invalid_domain_daily_limit",
            "{\"domainDailyLimit\":10000000000} | domainDailyLimit | invalid_domain_daily_limit",
            "{\"domainDailyLimit\":\"800\"}     | domainDailyLimit | invalid_domain_daily_limit",
            "{\"domainDailyLimit\":800.5}       | domainDailyLimit | invalid_domain_daily_limit",
            "{\"dailyLimit\":800}               | dailyLimit       | unknown_field",
    })
    void badLimitIsRefusedNamingTheFieldAndChangesNothing(String body, String field, String code) {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        api.patch("/api/v1/sending-limits", admin, "{\"domainDailyLimit\":900}");

        assertProblem(api.patch("/api/v1/sending-limits", admin, body), 422, code, field);

        assertThat(limit(admin)).isEqualTo(900);
    }

    @Test
    void keyThatIsNotAdminCannotChangeLimits() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        String plain = api.keyOfSameWorkspace(admin, Mode.LIVE, false);
        api.patch("/api/v1/sending-limits", admin, "{\"domainDailyLimit\":900}");

        assertProblem(api.patch("/api/v1/sending-limits", plain, "{\"domainDailyLimit\":50}"), 403, "admin_key_required", null);
        assertProblem(api.patch("/api/v1/sending-limits", plain, "{\"domainDailyLimit\":0}"), 403, "admin_key_required", null);

        assertThat(limit(plain)).isEqualTo(900);
    }

    @Test
    void limitsAreReadAndChangedOnlyAsASetting() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);

        Response delete = api.delete("/api/v1/sending-limits", admin);

        assertProblem(delete, 405, "method_not_allowed", null);
        assertThat(delete.header("Allow")).isEqualTo("GET, PATCH");
        assertProblem(api.get("/api/v1/sending-limits?mode=sandbox", admin), 400, "unknown_parameter", "mode");
        assertThat(limit(admin)).isEqualTo(500);
    }

    private int limit(String key) {
        Response r = api.get("/api/v1/sending-limits", key);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("domainDailyLimit").asInt();
    }
}
