package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.application.warmup.port.in.ReportWarmup;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Warmup routes; the fixture's clock starts on Monday 2026-03-16, so dates below are exact. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmupRoutesTest {

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void newMailboxWarmsUpFromDayOneWithTheDefaultSettings() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "w@example.com", "google");

        Response r = api.get("/api/v1/mailboxes/" + id + "/warmup", key);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode w = r.json();
        assertThat(w.get("mailboxId").asText()).isEqualTo(id);
        assertThat(w.get("status").asText()).isEqualTo("active");
        assertThat(w.get("day").asInt()).isEqualTo(1);
        assertThat(w.get("plannedToday").asInt()).isEqualTo(2);
        assertThat(w.get("sentToday").asInt()).isZero();
        JsonNode s = w.get("settings");
        assertThat(s.get("dailyTarget").asInt()).isEqualTo(40);
        assertThat(s.get("startVolume").asInt()).isEqualTo(2);
        assertThat(s.get("rampUpPerDay").asInt()).isEqualTo(2);
        assertThat(s.get("replyRate").asInt()).isEqualTo(30);
        assertThat(s.get("weekdaysOnly").asBoolean()).isFalse();
        assertThat(w.get("nextMilestone").get("name").asText()).isEqualTo("day_7");
        assertThat(w.get("nextMilestone").get("day").asInt()).isEqualTo(7);
        assertThat(w.get("nextMilestone").get("expectedOn").asText()).isEqualTo("2026-03-22");
    }

    @Test
    void sentTodayCountsTheWarmupMailsReportedSentTodayEachOnce() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "sent@example.com", "google");
        Tenant tenant = api.tenantOf(key);
        ReportWarmup reports = api.services.warmupReports();
        Instant now = api.clock.now();
        reports.sent(new ReportWarmup.Send(tenant, id, "yesterday", now.minus(Duration.ofDays(1))));
        reports.sent(new ReportWarmup.Send(tenant, id, "first", now));
        reports.sent(new ReportWarmup.Send(tenant, id, "second", now));
        reports.sent(new ReportWarmup.Send(tenant, id, "second", now));

        Response r = api.get("/api/v1/mailboxes/" + id + "/warmup", key);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("sentToday").asInt()).isEqualTo(2);
    }

    @Test
    void pauseStopsTodaysVolumeAndResumeStartsItAgain() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "p@example.com", "google");

        Response paused = api.postEmpty("/api/v1/mailboxes/" + id + "/warmup/pause", key);

        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().get("status").asText()).isEqualTo("paused");
        assertThat(paused.json().get("day").asInt()).isEqualTo(1);
        assertThat(paused.json().get("plannedToday").asInt()).isZero();
        assertThat(paused.json().get("nextMilestone").get("expectedOn").isNull()).isTrue();
        assertThat(api.get("/api/v1/mailboxes/" + id, key).json().get("warmup").get("status").asText()).isEqualTo("paused");

        Response pausedAgain = api.postEmpty("/api/v1/mailboxes/" + id + "/warmup/pause", key);
        assertThat(pausedAgain.status()).isEqualTo(200);
        assertThat(pausedAgain.json()).isEqualTo(paused.json());

        Response resumed = api.post("/api/v1/mailboxes/" + id + "/warmup/resume", key, "{}");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().get("status").asText()).isEqualTo("active");
        assertThat(resumed.json().get("nextMilestone").get("expectedOn").isNull()).isFalse();
    }

    @Test
    void settingsChangeAndTheAnswerIsTheNewStatus() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "s@example.com", "google");

        Response r = api.patch("/api/v1/mailboxes/" + id + "/warmup", key,
                "{\"dailyTarget\":100,\"startVolume\":5,\"rampUpPerDay\":3,\"replyRate\":50,\"weekdaysOnly\":true}");

        assertThat(r.status()).isEqualTo(200);
        JsonNode s = r.json().get("settings");
        assertThat(s.get("dailyTarget").asInt()).isEqualTo(100);
        assertThat(s.get("startVolume").asInt()).isEqualTo(5);
        assertThat(s.get("rampUpPerDay").asInt()).isEqualTo(3);
        assertThat(s.get("replyRate").asInt()).isEqualTo(50);
        assertThat(s.get("weekdaysOnly").asBoolean()).isTrue();
        assertThat(r.json().get("plannedToday").asInt()).as("today keeps the plan it began with").isEqualTo(2);
        // Day 7 over weekdays only: Tue 17 … Fri 20, then Mon 23 and Tue 24.
        assertThat(r.json().get("nextMilestone").get("expectedOn").asText()).isEqualTo("2026-03-24");
        assertThat(api.get("/api/v1/mailboxes/" + id + "/warmup", key).json()).isEqualTo(r.json());
    }

    @Test
    void settingsLeftOutKeepTheirValues() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "k@example.com", "google");

        JsonNode s = api.patch("/api/v1/mailboxes/" + id + "/warmup", key, "{\"replyRate\":0}").json().get("settings");

        assertThat(s.get("replyRate").asInt()).isZero();
        assertThat(s.get("dailyTarget").asInt()).isEqualTo(40);
        assertThat(s.get("startVolume").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"dailyTarget\":0}                     | dailyTarget   | invalid_daily_target",
            "{\"dailyTarget\":201}                   | dailyTarget   | invalid_daily_target",
            "{\"dailyTarget\":1.5}                   | dailyTarget   | invalid_daily_target",
            "{\"startVolume\":0}                     | startVolume   | invalid_start_volume",
            "{\"startVolume\":51}                    | startVolume   | invalid_start_volume",
            "{\"startVolume\":30,\"dailyTarget\":10} | startVolume   | invalid_start_volume",
            "{\"rampUpPerDay\":0}                    | rampUpPerDay  | invalid_ramp_up_per_day",
            "{\"rampUpPerDay\":21}                   | rampUpPerDay  | invalid_ramp_up_per_day",
            "{\"replyRate\":-1}                      | replyRate     | invalid_reply_rate",
            "{\"replyRate\":101}                     | replyRate     | invalid_reply_rate",
            "{\"replyRate\":\"50\"}                  | replyRate     | invalid_reply_rate",
            "{\"weekdaysOnly\":\"yes\"}              | weekdaysOnly  | invalid_weekdays_only",
            "{\"weekdaysOnly\":1}                    | weekdaysOnly  | invalid_weekdays_only",
            "{\"replyRate\":40,\"speed\":3}          | speed         | unknown_field",
    })
    void settingsRefuseABadValueNamingTheFieldAndChangeNothing(String body, String field, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "r@example.com", "google");
        JsonNode before = api.get("/api/v1/mailboxes/" + id + "/warmup", key).json();
        JsonNode mailboxBefore = api.get("/api/v1/mailboxes/" + id, key).json();

        assertProblem(api.patch("/api/v1/mailboxes/" + id + "/warmup", key, body), 422, code, field);

        assertThat(api.get("/api/v1/mailboxes/" + id + "/warmup", key).json()).isEqualTo(before);
        assertThat(api.get("/api/v1/mailboxes/" + id, key).json()).isEqualTo(mailboxBefore);
    }

    @Test
    void pauseAndResumeTakeNoFields() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "nf@example.com", "google");

        assertProblem(api.post("/api/v1/mailboxes/" + id + "/warmup/pause", key, "{\"until\":\"tomorrow\"}"),
                422, "unknown_field", "until");

        assertThat(api.get("/api/v1/mailboxes/" + id + "/warmup", key).json().get("status").asText()).isEqualTo("active");
    }

    @Test
    void warmupOfADisconnectedMailboxCannotResume() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "off@example.com", "google");
        api.delete("/api/v1/mailboxes/" + id, key);

        assertProblem(api.postEmpty("/api/v1/mailboxes/" + id + "/warmup/resume", key), 409, "mailbox_disconnected", null);
        assertThat(api.get("/api/v1/mailboxes/" + id + "/warmup", key).json().get("status").asText()).isEqualTo("paused");
    }

    @Test
    void warmupOfAnUnknownOrMalformedMailboxIsRefused() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/mailboxes/mbx_01KKTXZ98J3ZD5KEC1M9VP2THY/warmup", key), 404, "mailbox_not_found", null);
        assertProblem(api.patch("/api/v1/mailboxes/mbx_01KKTXZ98J3ZD5KEC1M9VP2THY/warmup", key, "{\"replyRate\":1}"),
                404, "mailbox_not_found", null);
        assertProblem(api.postEmpty("/api/v1/mailboxes/x/warmup/resume", key), 400, "malformed_mailbox_id", "mailboxId");
    }

    @Test
    void wrongMethodOnAWarmupRouteSaysWhichMethodsItTakes() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "m@example.com", "google");

        Response r = api.get("/api/v1/mailboxes/" + id + "/warmup/pause", key);

        assertProblem(r, 405, "method_not_allowed", null);
        assertThat(r.header("Allow")).isEqualTo("POST");
        assertThat(api.delete("/api/v1/mailboxes/" + id + "/warmup", key).header("Allow")).isEqualTo("GET, PATCH");
    }
}
