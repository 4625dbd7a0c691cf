package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.application.warmup.port.in.ReportWarmup;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.Placement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Stats routes; the fixture's clock starts on Monday 2026-03-16, so today and the default range are exact. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsRoutesTest {

    private static final String[] COUNTERS = {"sent", "inbox", "spam", "promotions", "missing", "savedFromSpam",
            "replies", "bounces", "complaints"};

    private final ApiFixture api = new ApiFixture();
    private final ReportWarmup reports = api.services.warmupReports();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void withoutARangeTheLastThirtyDaysEndingTodayAreAllZeros() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "quiet@example.com", "google");

        Response r = api.get("/api/v1/mailboxes/" + id + "/stats", key);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode s = r.json();
        assertThat(s.get("mailboxId").asText()).isEqualTo(id);
        assertThat(s.get("from").asText()).isEqualTo("2026-02-15");
        assertThat(s.get("to").asText()).isEqualTo("2026-03-16");
        assertAllZero(s.get("totals"));
        JsonNode daily = s.get("daily");
        assertThat(daily).hasSize(30);
        LocalDate expected = LocalDate.parse("2026-02-15");
        for (JsonNode day : daily) {
            assertThat(day.get("date").asText()).isEqualTo(expected.toString());
            assertAllZero(day);
            expected = expected.plusDays(1);
        }
    }

    @Test
    void aCustomRangeHasOneEntryPerDayOfIt() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "range@example.com", "google");

        JsonNode both = api.get("/api/v1/mailboxes/" + id + "/stats?from=2026-03-01&to=2026-03-10", key).json();
        assertThat(both.get("from").asText()).isEqualTo("2026-03-01");
        assertThat(both.get("to").asText()).isEqualTo("2026-03-10");
        assertThat(both.get("daily")).hasSize(10);
        assertThat(both.get("daily").get(0).get("date").asText()).isEqualTo("2026-03-01");
        assertThat(both.get("daily").get(9).get("date").asText()).isEqualTo("2026-03-10");

        JsonNode fromOnly = api.get("/api/v1/mailboxes/" + id + "/stats?from=2026-03-10", key).json();
        assertThat(fromOnly.get("to").asText()).isEqualTo("2026-03-16");
        assertThat(fromOnly.get("daily")).hasSize(7);

        JsonNode toOnly = api.get("/api/v1/mailboxes/" + id + "/stats?to=2026-03-05", key).json();
        assertThat(toOnly.get("from").asText()).isEqualTo("2026-02-04");
        assertThat(toOnly.get("daily")).hasSize(30);

        JsonNode oneDay = api.get("/api/v1/mailboxes/" + id + "/stats?from=2026-03-16&to=2026-03-16", key).json();
        assertThat(oneDay.get("daily")).hasSize(1);

        Response longest = api.get("/api/v1/mailboxes/" + id + "/stats?from=2025-03-16&to=2026-03-16", key);
        assertThat(longest.status()).as("%s", longest).isEqualTo(200);
        assertThat(longest.json().get("daily")).hasSize(366);
    }

    @Test
    void reportsAreCountedOnTheirDayAndAMoveFromSpamToTheInboxIsSavedNotCountedTwice() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "busy@example.com", "google");
        Tenant tenant = api.tenantOf(key);
        Instant now = api.clock.now();
        Instant yesterday = now.minus(Duration.ofDays(1));

        send(tenant, id, "m0", yesterday);
        placed(tenant, id, "m0", Placement.SPAM, yesterday);
        for (String m : new String[] {"m1", "m2", "m3"}) {
            send(tenant, id, m, now);
        }
        send(tenant, id, "m1", now);
        placed(tenant, id, "m1", Placement.INBOX, now);
        placed(tenant, id, "m1", Placement.INBOX, now);
        placed(tenant, id, "m2", Placement.SPAM, now);
        placed(tenant, id, "m2", Placement.INBOX, now);
        placed(tenant, id, "m3", Placement.PROMOTIONS, now);
        reports.replied(new ReportWarmup.Replied(tenant, id, "m1", now));
        reports.replied(new ReportWarmup.Replied(tenant, id, "m1", now));
        api.services.signals().record(tenant, new Signal.Bounce("prospect-1",
                EmailAddress.parse("gone@example.org", "prospectEmail"), "campaign-1", new MailboxId(id),
                Signal.BounceType.SOFT, "mailbox full", now));

        JsonNode s = api.get("/api/v1/mailboxes/" + id + "/stats?from=2026-03-14", key).json();

        JsonNode daily = s.get("daily");
        assertThat(daily).hasSize(3);
        assertAllZero(daily.get(0));
        assertCounts(daily.get(1), "2026-03-15", 1, 0, 1, 0, 0, 0);
        assertThat(daily.get(1).get("inboxRate").asDouble()).isZero();
        assertThat(daily.get(1).get("spamRate").asDouble()).isEqualTo(1.0);
        JsonNode today = daily.get(2);
        assertCounts(today, "2026-03-16", 3, 2, 0, 1, 1, 1);
        assertThat(today.get("promotions").asLong()).isEqualTo(1);
        assertThat(today.get("bounces").asLong()).isEqualTo(1);
        assertThat(today.get("inboxRate").asDouble()).isEqualTo(0.6667);
        assertThat(today.get("spamRate").asDouble()).isZero();
        JsonNode totals = s.get("totals");
        assertThat(totals.has("date")).isFalse();
        assertThat(totals.get("sent").asLong()).isEqualTo(4);
        assertThat(totals.get("inbox").asLong()).isEqualTo(2);
        assertThat(totals.get("spam").asLong()).isEqualTo(1);
        assertThat(totals.get("promotions").asLong()).isEqualTo(1);
        assertThat(totals.get("savedFromSpam").asLong()).isEqualTo(1);
        assertThat(totals.get("replies").asLong()).isEqualTo(1);
        assertThat(totals.get("bounces").asLong()).isEqualTo(1);
        assertThat(totals.get("inboxRate").asDouble()).isEqualTo(0.5);
        assertThat(totals.get("spamRate").asDouble()).isEqualTo(0.25);
    }

    @ParameterizedTest
    @CsvSource({
            "from=2026-3-01, from",
            "from=2026-02-30, from",
            "to=16.03.2026, to",
            "to=+12026-03-16, to",
            "from=, from",
            "from=2026-03-10&to=2026-03-01, from",
            "from=2026-03-17, from",
            "from=2025-03-15&to=2026-03-16, to",
            "to=2027-03-16&from=2024-01-01, to"
    })
    void aDateThatDoesNotParseOrARangeThatCannotBeServedIsABadRequestNamingTheParameter(String query, String field) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "bad-" + field + "@example.com", "google");

        assertProblem(api.get("/api/v1/mailboxes/" + id + "/stats?" + query.replace("+", "%2B"), key), 400,
                "malformed_" + field, field);
    }

    @Test
    void anUnknownParameterIsRefused() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "typo@example.com", "google");

        assertProblem(api.get("/api/v1/mailboxes/" + id + "/stats?since=2026-03-01", key), 400, "unknown_parameter",
                "since");
    }

    @Test
    void statsOfAnotherTenantsOrAMalformedMailboxAreRefused() {
        String owner = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(owner, "mine@example.com", "google");

        assertProblem(api.get("/api/v1/mailboxes/" + id + "/stats", api.keyOfNewWorkspace(Mode.LIVE, false)), 404,
                "mailbox_not_found", null);
        assertProblem(api.get("/api/v1/mailboxes/" + id + "/stats", api.keyOfSameWorkspace(owner, Mode.SANDBOX, false)),
                404, "mailbox_not_found", null);
        assertProblem(api.get("/api/v1/mailboxes/x/stats", owner), 400, "malformed_mailbox_id", "mailboxId");
    }

    @Test
    void statsTakeOnlyGet() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "post@example.com", "google");

        Response r = api.postEmpty("/api/v1/mailboxes/" + id + "/stats", key);

        assertProblem(r, 405, "method_not_allowed", null);
        assertThat(r.header("Allow")).isEqualTo("GET");
    }

    private void send(Tenant tenant, String id, String messageId, Instant at) {
        reports.sent(new ReportWarmup.Send(tenant, id, messageId, at));
    }

    private void placed(Tenant tenant, String id, String messageId, Placement placement, Instant at) {
        reports.placed(new ReportWarmup.Placed(tenant, id, messageId, placement, at, Optional.empty(), false));
    }

    private static void assertCounts(JsonNode day, String date, long sent, long inbox, long spam, long savedFromSpam,
                                     long replies, long placedElsewhere) {
        assertThat(day.get("date").asText()).isEqualTo(date);
        assertThat(day.get("sent").asLong()).as("sent on %s", date).isEqualTo(sent);
        assertThat(day.get("inbox").asLong()).as("inbox on %s", date).isEqualTo(inbox);
        assertThat(day.get("spam").asLong()).as("spam on %s", date).isEqualTo(spam);
        assertThat(day.get("savedFromSpam").asLong()).as("saved on %s", date).isEqualTo(savedFromSpam);
        assertThat(day.get("replies").asLong()).as("replies on %s", date).isEqualTo(replies);
        assertThat(day.get("promotions").asLong() + day.get("missing").asLong()).isEqualTo(placedElsewhere);
    }

    private static void assertAllZero(JsonNode counts) {
        for (String name : COUNTERS) {
            assertThat(counts.get(name).isIntegralNumber()).as(name).isTrue();
            assertThat(counts.get(name).asLong()).as(name).isZero();
        }
        assertThat(counts.get("inboxRate").isNumber()).isTrue();
        assertThat(counts.get("inboxRate").asDouble()).isZero();
        assertThat(counts.get("spamRate").asDouble()).isZero();
    }
}
