package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Mailboxes over HTTP: their life cycle, lists, refusals that change nothing, and tenant isolation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailboxRoutesTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String UNKNOWN_ID = "mbx_01KKTXZ98J3ZD5KEC1M9VP2THY";

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void connectedMailboxCanBeReadChangedAndDisconnected() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response connected = api.post("/api/v1/mailboxes", key,
                "{\"email\":\" Ana@Example.COM \",\"provider\":\"google\",\"displayName\":\"Ana\",\"dailyLimit\":80}");

        assertThat(connected.status()).isEqualTo(201);
        JsonNode m = connected.json();
        String id = m.get("id").asText();
        assertThat(id).startsWith("mbx_");
        assertThat(connected.header("Location")).isEqualTo("/api/v1/mailboxes/" + id);
        assertThat(m.get("email").asText()).isEqualTo("ana@example.com");
        assertThat(m.get("provider").asText()).isEqualTo("google");
        assertThat(m.get("displayName").asText()).isEqualTo("Ana");
        assertThat(m.get("dailyLimit").asInt()).isEqualTo(80);
        assertThat(m.get("status").asText()).isEqualTo("connected");
        assertThat(m.get("warmup").get("status").asText()).isEqualTo("active");
        assertThat(m.get("warmup").get("day").asInt()).isEqualTo(1);
        assertThat(m.get("createdAt").asText()).matches(ISO_MILLIS).startsWith("2026-03-16T09:");
        assertThat(m.get("updatedAt")).isEqualTo(m.get("createdAt"));

        Response read = api.get("/api/v1/mailboxes/" + id, key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(m);

        Response patched = api.patch("/api/v1/mailboxes/" + id, key, "{\"displayName\":\"Ana Sales\",\"dailyLimit\":120}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("displayName").asText()).isEqualTo("Ana Sales");
        assertThat(patched.json().get("dailyLimit").asInt()).isEqualTo(120);
        assertThat(patched.json().get("email")).isEqualTo(m.get("email"));
        assertThat(patched.json().get("createdAt")).isEqualTo(m.get("createdAt"));
        assertThat(patched.json().get("updatedAt").asText()).isGreaterThan(m.get("updatedAt").asText());

        Response disconnected = api.delete("/api/v1/mailboxes/" + id, key);
        assertThat(disconnected.status()).isEqualTo(200);
        assertThat(disconnected.json().get("status").asText()).isEqualTo("disconnected");
        assertThat(disconnected.json().get("disconnectReason").asText()).isEqualTo("requested");
        assertThat(disconnected.json().get("warmup").get("status").asText()).isEqualTo("paused");
        assertThat(api.get("/api/v1/mailboxes/" + id, key).json()).isEqualTo(disconnected.json());
    }

    @Test
    void connectWithoutOptionalFieldsUsesTheDefaults() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        JsonNode m = api.post("/api/v1/mailboxes", key, "{\"email\":\"bob@example.com\",\"provider\":\"smtp\"}").json();

        assertThat(m.get("dailyLimit").asInt()).isEqualTo(50);
        assertThat(m.get("displayName").asText()).isEqualTo("bob@example.com");
        assertThat(m.get("disconnectReason").isNull()).isTrue();
    }

    @Test
    void listPagesThroughMailboxesNewestFirstWithCursors() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(api.connectMailbox(key, "box" + i + "@example.com", "google"));
        }

        Response first = api.get("/api/v1/mailboxes?limit=2", key);
        String cursor1 = first.json().get("nextCursor").asText();
        Response second = api.get("/api/v1/mailboxes?limit=2&cursor=" + cursor1, key);
        String cursor2 = second.json().get("nextCursor").asText();
        Response third = api.get("/api/v1/mailboxes?limit=2&cursor=" + cursor2, key);

        assertThat(List.of(first, second, third)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(first.json().get("data")).hasSize(2);
        assertThat(first.json().get("hasMore").asBoolean()).isTrue();
        assertThat(second.json().get("data")).hasSize(2);
        assertThat(second.json().get("hasMore").asBoolean()).isTrue();
        assertThat(third.json().get("data")).hasSize(1);
        assertThat(third.json().get("hasMore").asBoolean()).isFalse();
        assertThat(third.json().get("nextCursor").isNull()).isTrue();

        List<String> seen = new ArrayList<>();
        for (Response page : List.of(first, second, third)) {
            page.json().get("data").forEach(m -> seen.add(m.get("id").asText()));
        }
        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(created)
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void listFiltersByStatusProviderAndWarmupStatus() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String google = api.connectMailbox(key, "g@example.com", "google");
        String microsoft = api.connectMailbox(key, "m@example.com", "microsoft");
        String gone = api.connectMailbox(key, "gone@example.com", "smtp");
        String paused = api.connectMailbox(key, "p@example.com", "google");
        api.delete("/api/v1/mailboxes/" + gone, key);
        api.postEmpty("/api/v1/mailboxes/" + paused + "/warmup/pause", key);

        assertThat(ids("/api/v1/mailboxes?provider=google", key)).containsExactlyInAnyOrder(google, paused);
        assertThat(ids("/api/v1/mailboxes?status=disconnected", key)).containsExactly(gone);
        assertThat(ids("/api/v1/mailboxes?status=connected", key)).containsExactlyInAnyOrder(google, microsoft, paused);
        assertThat(ids("/api/v1/mailboxes?warmupStatus=paused", key)).containsExactlyInAnyOrder(gone, paused);
        assertThat(ids("/api/v1/mailboxes?warmupStatus=active&provider=microsoft", key)).containsExactly(microsoft);
        assertThat(ids("/api/v1/mailboxes?status=connected&warmupStatus=paused&provider=google", key)).containsExactly(paused);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"email\":\"x@example.com\",\"provider\":\"google\",\"dailyLimit\":0}      | dailyLimit  | invalid_daily_limit",
            "{\"email\":\"x@example.com\",\"provider\":\"google\",\"dailyLimit\":2001}   | dailyLimit  | invalid_daily_limit",
            "{\"email\":\"x@example.com\",\"provider\":\"google\",\"dailyLimit\":\"abc\"} | dailyLimit  | invalid_daily_limit",
            "{\"email\":\"x@example.com\",\"provider\":\"google\",\"dailyLimit\":\"50\"}  | dailyLimit  | invalid_daily_limit",
            "{\"email\":\"x@example.com\",\"provider\":\"google\",\"dailyLimit\":1.5}    | dailyLimit  | invalid_daily_limit",
            "{\"email\":\"x@example.com\",\"provider\":\"google\",\"dailyLimit\":99999999999} | dailyLimit | invalid_daily_limit",
            "{\"email\":\"x@example.com\",\"provider\":\"yahoo\"}                        | provider    | invalid_provider",
            "{\"email\":\"x@example.com\",\"provider\":7}                                | provider    | invalid_provider",
            "{\"email\":\"x@example.com\"}                                               | provider    | invalid_provider",
            "{\"email\":\"not-an-email\",\"provider\":\"google\"}                        | email       | invalid_email",
            "{\"email\":true,\"provider\":\"google\"}                                    | email       | invalid_email",
            "{\"provider\":\"google\"}                                                   | email       | invalid_email",
            "{\"email\":\"x@example.com\",\"provider\":\"google\",\"displayName\":\" \"} | displayName | invalid_display_name",
            "{\"email\":\"x@example.com\",\"provider\":\"google\",\"warmup\":{}}         | warmup      | unknown_field",
    })
    void connectRefusesABadValueNamingTheFieldAndStoresNothing(String body, String field, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.post("/api/v1/mailboxes", key, body), 422, code, field);

        assertThat(api.get("/api/v1/mailboxes", key).json().get("data")).isEmpty();
    }

    @Test
    void connectWithoutABodyNamesTheFirstMissingField() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.postEmpty("/api/v1/mailboxes", key), 422, "invalid_email", "email");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"dailyLimit\":0}           | dailyLimit  | invalid_daily_limit",
            "{\"dailyLimit\":2001}        | dailyLimit  | invalid_daily_limit",
            "{\"dailyLimit\":\"abc\"}     | dailyLimit  | invalid_daily_limit",
            "{\"dailyLimit\":10.0}        | dailyLimit  | invalid_daily_limit",
            "{\"displayName\":\"\"}       | displayName | invalid_display_name",
            "{\"displayName\":42}         | displayName | invalid_display_name",
            "{\"email\":\"b@example.com\"} | email      | unknown_field",
            "{\"displayName\":\"New\",\"dailyLimit\":0} | dailyLimit | invalid_daily_limit",
    })
    void patchRefusesABadValueNamingTheFieldAndChangesNothing(String body, String field, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "keep@example.com", "google");
        JsonNode before = api.get("/api/v1/mailboxes/" + id, key).json();

        assertProblem(api.patch("/api/v1/mailboxes/" + id, key, body), 422, code, field);

        assertThat(api.get("/api/v1/mailboxes/" + id, key).json()).isEqualTo(before);
    }

    @Test
    void malformedMailboxIdIsBadRequest() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/mailboxes/nope", key), 400, "malformed_mailbox_id", "mailboxId");
        assertProblem(api.patch("/api/v1/mailboxes/nope", key, "{\"dailyLimit\":10}"), 400, "malformed_mailbox_id", "mailboxId");
        assertProblem(api.delete("/api/v1/mailboxes/mbx_short", key), 400, "malformed_mailbox_id", "mailboxId");
    }

    @Test
    void badPageParametersAreRefusedNamingTheParameter() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/mailboxes?cursor=not-a-cursor", key), 400, "malformed_cursor", "cursor");
        assertProblem(api.get("/api/v1/mailboxes?cursor=djE6bm9wZQ", key), 400, "malformed_cursor", "cursor");
        assertProblem(api.get("/api/v1/mailboxes?limit=0", key), 400, "malformed_limit", "limit");
        assertProblem(api.get("/api/v1/mailboxes?limit=101", key), 400, "malformed_limit", "limit");
        assertProblem(api.get("/api/v1/mailboxes?limit=two", key), 400, "malformed_limit", "limit");
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/mailboxes?status=open", key), 400, "malformed_status", "status");
        assertProblem(api.get("/api/v1/mailboxes?provider=yahoo", key), 400, "malformed_provider", "provider");
        assertProblem(api.get("/api/v1/mailboxes?warmupStatus=warm", key), 400, "malformed_warmup_status", "warmupStatus");
        assertProblem(api.get("/api/v1/mailboxes?status=connected&status=disconnected", key), 400, "malformed_status", "status");
        assertProblem(api.get("/api/v1/mailboxes?sort=email", key), 400, "unknown_parameter", "sort");
    }

    @Test
    void unknownMailboxIsNotFound() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/mailboxes/" + UNKNOWN_ID, key), 404, "mailbox_not_found", null);
        assertProblem(api.patch("/api/v1/mailboxes/" + UNKNOWN_ID, key, "{\"dailyLimit\":10}"), 404, "mailbox_not_found", null);
        assertProblem(api.delete("/api/v1/mailboxes/" + UNKNOWN_ID, key), 404, "mailbox_not_found", null);
    }

    @Test
    void anotherWorkspacesMailboxIsNotFoundAndUntouched() {
        String owner = api.keyOfNewWorkspace(Mode.LIVE, false);
        String stranger = api.keyOfNewWorkspace(Mode.LIVE, true);
        String id = api.connectMailbox(owner, "private@example.com", "microsoft");
        JsonNode before = api.get("/api/v1/mailboxes/" + id, owner).json();

        assertProblem(api.get("/api/v1/mailboxes/" + id, stranger), 404, "mailbox_not_found", null);
        assertProblem(api.patch("/api/v1/mailboxes/" + id, stranger, "{\"dailyLimit\":1}"), 404, "mailbox_not_found", null);
        assertProblem(api.delete("/api/v1/mailboxes/" + id, stranger), 404, "mailbox_not_found", null);
        assertProblem(api.get("/api/v1/mailboxes/" + id + "/warmup", stranger), 404, "mailbox_not_found", null);
        assertProblem(api.postEmpty("/api/v1/mailboxes/" + id + "/warmup/pause", stranger), 404, "mailbox_not_found", null);
        assertThat(api.get("/api/v1/mailboxes", stranger).json().get("data")).isEmpty();

        assertThat(api.get("/api/v1/mailboxes/" + id, owner).json()).isEqualTo(before);
    }

    @Test
    void sandboxKeyCannotSeeLiveMailboxes() {
        String live = api.keyOfDefaultWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(live, "live-only@example.com", "google");

        assertProblem(api.get("/api/v1/mailboxes/" + id, api.sandboxAdminKey), 404, "mailbox_not_found", null);
        assertProblem(api.delete("/api/v1/mailboxes/" + id, api.sandboxAdminKey), 404, "mailbox_not_found", null);
        assertThat(ids("/api/v1/mailboxes", api.sandboxAdminKey)).doesNotContain(id);
        assertThat(api.get("/api/v1/mailboxes/" + id, live).json().get("status").asText()).isEqualTo("connected");
    }

    @Test
    void sameAddressInSandboxIsAnotherMailbox() {
        String live = api.keyOfNewWorkspace(Mode.LIVE, true);
        String sandbox = api.post("/api/v1/api-keys", live, "{\"name\":\"sb\",\"mode\":\"sandbox\"}").json().get("key").asText();

        String liveId = api.connectMailbox(live, "both@example.com", "google");
        String sandboxId = api.connectMailbox(sandbox, "both@example.com", "google");

        assertThat(sandboxId).isNotEqualTo(liveId);
    }

    @Test
    void connectingAnAddressThatIsConnectedIsAConflict() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "dup@example.com", "google");
        JsonNode before = api.get("/api/v1/mailboxes/" + id, key).json();

        Response again = api.post("/api/v1/mailboxes", key, "{\"email\":\"DUP@example.com\",\"provider\":\"smtp\"}");

        assertProblem(again, 409, "mailbox_already_connected", null);
        assertThat(api.get("/api/v1/mailboxes", key).json().get("data")).hasSize(1);
        assertThat(api.get("/api/v1/mailboxes/" + id, key).json()).isEqualTo(before);
    }

    @Test
    void reconnectingADisconnectedAddressKeepsTheMailbox() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "back@example.com", "google");
        api.delete("/api/v1/mailboxes/" + id, key);

        Response again = api.post("/api/v1/mailboxes", key, "{\"email\":\"back@example.com\",\"provider\":\"microsoft\"}");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("status").asText()).isEqualTo("connected");
        assertThat(again.json().get("provider").asText()).isEqualTo("microsoft");
    }

    @Test
    void disconnectingTwiceAnswersTheSameDisconnectedMailbox() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "twice@example.com", "google");
        Response first = api.delete("/api/v1/mailboxes/" + id, key);
        Response again = api.delete("/api/v1/mailboxes/" + id, key);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("disconnected");
        assertThat(again.json().get("updatedAt")).isEqualTo(first.json().get("updatedAt"));
    }

    private List<String> ids(String path, String key) {
        Response r = api.get(path, key);
        assertThat(r.status()).as("%s: %s", path, r).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("data").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }
}
