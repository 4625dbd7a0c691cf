package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The suppression list over HTTP: adding (once), listing, removing, normalised addresses, refusals and isolation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuppressionRoutesTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void addedAddressIsListedAndCanBeRemovedOnce() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response added = api.post("/api/v1/suppressions", key, "{\"email\":\" Anna@Acme.Example \"}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.contentType()).isEqualTo("application/json");
        JsonNode entry = added.json();
        assertThat(fieldNames(entry)).containsExactly("email", "reason", "prospectId", "createdAt");
        assertThat(entry.get("email").asText()).isEqualTo("anna@acme.example");
        assertThat(entry.get("reason").asText()).isEqualTo("manual");
        assertThat(entry.get("prospectId").isNull()).isTrue();
        assertThat(entry.get("createdAt").asText()).matches(ISO_MILLIS).startsWith("2026-03-16T09:");
        assertThat(api.get("/api/v1/suppressions", key).json().get("data")).containsExactly(entry);
        JsonNode event = api.get("/api/v1/events?type=prospect.suppressed", key).json().get("data").get(0).get("data");
        assertThat(fieldNames(event)).containsExactly("prospectId", "email", "reason", "suppressedAt");
        assertThat(event.get("prospectId").isNull()).isTrue();

        Response removed = api.delete("/api/v1/suppressions/Anna%40Acme.Example", key);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(fieldNames(removed.json())).containsExactly("email", "reason", "prospectId", "createdAt", "deleted");
        assertThat(removed.json().get("deleted").asBoolean()).isTrue();
        assertThat(removed.json().get("email")).isEqualTo(entry.get("email"));
        assertThat(removed.json().get("createdAt")).isEqualTo(entry.get("createdAt"));
        assertThat(api.get("/api/v1/suppressions", key).json().get("data")).isEmpty();
        assertProblem(api.delete("/api/v1/suppressions/anna@acme.example", key), 404, "suppression_not_found", null);
    }

    @Test
    void addingAnAddressThatIsOnTheListAnswersTheEntryUnchanged() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        JsonNode first = api.post("/api/v1/suppressions", key,
                "{\"email\":\"bo@prospect.example\",\"reason\":\"unsubscribe\",\"prospectId\":\"prs_7\"}").json();

        Response again = api.post("/api/v1/suppressions", key,
                "{\"email\":\"BO@prospect.example\",\"reason\":\"bounce\",\"prospectId\":\"prs_8\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first);
        assertThat(first.get("reason").asText()).isEqualTo("unsubscribe");
        assertThat(first.get("prospectId").asText()).isEqualTo("prs_7");
        assertThat(api.get("/api/v1/suppressions", key).json().get("data")).containsExactly(first);
        assertThat(api.get("/api/v1/events?type=prospect.suppressed", key).json().get("data")).hasSize(1);
    }

    @Test
    void manualSuppressionFiresProspectSuppressed() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        JsonNode entry = api.post("/api/v1/suppressions", key,
                "{\"email\":\"Cy@Prospect.Example\",\"prospectId\":\"prs_42\"}").json();

        JsonNode events = api.get("/api/v1/events?type=prospect.suppressed", key).json().get("data");

        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).get("data");
        assertThat(fieldNames(data)).containsExactly("prospectId", "email", "reason", "suppressedAt");
        assertThat(data.get("prospectId").asText()).isEqualTo("prs_42");
        assertThat(data.get("email").asText()).isEqualTo("cy@prospect.example");
        assertThat(data.get("reason").asText()).isEqualTo("manual");
        assertThat(data.get("suppressedAt")).isEqualTo(entry.get("createdAt"));
    }

    @Test
    void listPagesThroughAddressesInAddressOrder() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        for (String local : List.of("eve", "bob", "dan", "amy", "cat")) {
            assertThat(api.post("/api/v1/suppressions", key, "{\"email\":\"" + local + "@prospect.example\"}").status())
                    .isEqualTo(201);
        }

        Response p1 = api.get("/api/v1/suppressions?limit=2", key);
        Response p2 = api.get("/api/v1/suppressions?limit=2&cursor=" + p1.json().get("nextCursor").asText(), key);
        Response p3 = api.get("/api/v1/suppressions?limit=2&cursor=" + p2.json().get("nextCursor").asText(), key);

        assertThat(p1.json().get("hasMore").asBoolean()).isTrue();
        assertThat(p2.json().get("hasMore").asBoolean()).isTrue();
        assertThat(p3.json().get("hasMore").asBoolean()).isFalse();
        assertThat(p3.json().get("nextCursor").isNull()).isTrue();
        List<String> emails = new ArrayList<>();
        for (Response page : List.of(p1, p2, p3)) {
            page.json().get("data").forEach(s -> emails.add(s.get("email").asText()));
        }
        assertThat(emails).containsExactly("amy@prospect.example", "bob@prospect.example", "cat@prospect.example",
                "dan@prospect.example", "eve@prospect.example");
    }

    @Test
    void addressInThePathIsDecodedAndNormalised() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        api.post("/api/v1/suppressions", key, "{\"email\":\"dee+news@prospect.example\"}");
        api.post("/api/v1/suppressions", key, "{\"email\":\"eli@prospect.example\"}");
        api.post("/api/v1/suppressions", key, "{\"email\":\"sales/emea@prospect.example\"}");

        Response plus = api.delete("/api/v1/suppressions/Dee+News@Prospect.Example", key);
        Response spaced = api.delete("/api/v1/suppressions/%20ELI%40prospect.example%20", key);
        Response slashed = api.delete("/api/v1/suppressions/sales%2Femea%40prospect.example", key);

        assertThat(plus.status()).as("%s", plus).isEqualTo(200);
        assertThat(plus.json().get("email").asText()).isEqualTo("dee+news@prospect.example");
        assertThat(spaced.status()).as("%s", spaced).isEqualTo(200);
        assertThat(spaced.json().get("email").asText()).isEqualTo("eli@prospect.example");
        assertThat(slashed.status()).as("%s", slashed).isEqualTo(200);
        assertThat(slashed.json().get("email").asText()).isEqualTo("sales/emea@prospect.example");
        assertThat(api.get("/api/v1/suppressions", key).json().get("data")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                      | email      | invalid_email",
            "{\"email\":\"not-an-address\"}                          | email      | invalid_email",
            "{\"email\":\"\"}                                        | email      | invalid_email",
            "{\"email\":42}                                          | email      | invalid_email",
            "{\"email\":\"f@prospect.example\",\"reason\":\"spam\"}  | reason     | invalid_reason",
            "{\"email\":\"f@prospect.example\",\"reason\":\"MANUAL\"}| reason     | invalid_reason",
            "{\"email\":\"f@prospect.example\",\"prospectId\":\"\"}  | prospectId | invalid_prospect_id",
            "{\"email\":\"f@prospect.example\",\"prospectId\":7}     | prospectId | invalid_prospect_id",
            "{\"email\":\"f@prospect.example\",\"note\":\"x\"}       | note       | unknown_field",
    })
    void addRefusesABadValueNamingTheFieldAndStoresNothing(String body, String field, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.post("/api/v1/suppressions", key, body), 422, code, field);

        assertThat(api.get("/api/v1/suppressions", key).json().get("data")).isEmpty();
        assertThat(api.get("/api/v1/events", key).json().get("data")).isEmpty();
    }

    @Test
    void malformedAddressInThePathIsBadRequestAndRemovesNothing() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        JsonNode entry = api.post("/api/v1/suppressions", key, "{\"email\":\"gil@prospect.example\"}").json();

        assertProblem(api.delete("/api/v1/suppressions/gil", key), 400, "malformed_email", "email");
        assertProblem(api.delete("/api/v1/suppressions/gil%40", key), 400, "malformed_email", "email");
        assertProblem(api.delete("/api/v1/suppressions/%20", key), 400, "malformed_email", "email");
        assertProblem(api.delete("/api/v1/suppressions/gil/prospect.example", key), 400, "malformed_email", "email");

        assertThat(api.get("/api/v1/suppressions", key).json().get("data")).containsExactly(entry);
    }

    @Test
    void badPageParametersAreRefusedNamingTheParameter() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/suppressions?cursor=not-a-cursor", key), 400, "malformed_cursor", "cursor");
        assertProblem(api.get("/api/v1/suppressions?cursor=djE6bm9wZQ", key), 400, "malformed_cursor", "cursor");
        assertProblem(api.get("/api/v1/suppressions?limit=0", key), 400, "malformed_limit", "limit");
        assertProblem(api.get("/api/v1/suppressions?reason=manual", key), 400, "unknown_parameter", "reason");
    }

    @Test
    void anotherTenantsListIsInvisibleAndUntouched() {
        String owner = api.keyOfNewWorkspace(Mode.LIVE, false);
        String sandbox = api.keyOfSameWorkspace(owner, Mode.SANDBOX, true);
        String stranger = api.keyOfNewWorkspace(Mode.LIVE, true);
        JsonNode entry = api.post("/api/v1/suppressions", owner, "{\"email\":\"hal@prospect.example\"}").json();

        assertThat(api.get("/api/v1/suppressions", sandbox).json().get("data")).isEmpty();
        assertThat(api.get("/api/v1/suppressions", stranger).json().get("data")).isEmpty();
        assertProblem(api.delete("/api/v1/suppressions/hal@prospect.example", sandbox), 404, "suppression_not_found", null);
        assertProblem(api.delete("/api/v1/suppressions/hal@prospect.example", stranger), 404, "suppression_not_found", null);

        Response sameAddressInSandbox = api.post("/api/v1/suppressions", sandbox, "{\"email\":\"hal@prospect.example\"}");
        assertThat(sameAddressInSandbox.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/suppressions", owner).json().get("data")).containsExactly(entry);
    }

    @Test
    void wrongMethodSaysWhichMethodsTheRouteTakes() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response one = api.get("/api/v1/suppressions/ivy@prospect.example", key);
        Response list = api.send(api.request("/api/v1/suppressions", key).PUT(HttpRequest.BodyPublishers.noBody()));

        assertProblem(one, 405, "method_not_allowed", null);
        assertThat(one.header("Allow")).isEqualTo("DELETE");
        assertProblem(list, 405, "method_not_allowed", null);
        assertThat(list.header("Allow")).isEqualTo("GET, POST");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
