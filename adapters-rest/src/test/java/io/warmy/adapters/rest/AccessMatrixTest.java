package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every operation of the API document against no key, a malformed key, an
 * unknown key, a revoked key, and another workspace's key on this workspace's ids — each with its
 * exact status and code, and nothing of the workspace changed. The list of operations is the
 * document's, which the conformance test holds equal to the routing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ADMIN_ONLY = Set.of("GET /api-keys", "POST /api-keys", "DELETE /api-keys/{id}",
            "PATCH /sending-limits");

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    private record Operation(String method, String template) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static List<Operation> operations() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(ApiDocs.DOCUMENT)) {
            JsonNode paths = JSON.readTree(in).get("paths");
            List<Operation> ops = new ArrayList<>();
            paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m ->
                    ops.add(new Operation(m.toUpperCase(), p.getKey()))));
            return ops;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response call(Operation op, Map<String, String> ids, String key) {
        String t = op.template();
        String owner = t.startsWith("/webhooks") ? "webhook" : t.startsWith("/events") ? "event"
                : t.startsWith("/api-keys") ? "key" : "mailbox";
        String path = t.replace("{id}", ids.get(owner));
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        HttpRequest.Builder b = api.request(RestApi.BASE_PATH + path, key);
        boolean body = op.method().equals("POST") || op.method().equals("PATCH");
        if (body) {
            b.header("Content-Type", "application/json");
        }
        // A valid body where one is required, so that what is refused is the caller, not the body.
        String json = t.endsWith("/recover") ? "{\"since\":\"2026-03-01T00:00:00Z\"}" : "{}";
        return api.send(b.method(op.method(), body ? HttpRequest.BodyPublishers.ofString(json)
                : HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void everyOperationRefusesCallersWithoutAValidKeyTheSameWay() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        Map<String, String> ids = ownedIds(admin);
        String revoked = api.keyOfSameWorkspace(admin, Mode.LIVE, true);
        String revokedId = api.get("/api/v1/api-keys", admin).json().get("data").get(0).get("id").asText();
        assertThat(api.delete("/api/v1/api-keys/" + revokedId, admin).status()).isEqualTo(200);
        String snapshot = snapshot(admin);

        Map<String, String[]> callers = Map.of(
                "no key", new String[] {null, "missing_api_key"},
                "malformed key", new String[] {"not-a-key", "invalid_api_key"},
                "unknown key", new String[] {"wk_live_" + "A".repeat(32), "invalid_api_key"},
                "revoked key", new String[] {revoked, "api_key_revoked"});
        for (Operation op : operations()) {
            callers.forEach((who, caller) -> {
                Response r = call(op, ids, caller[0]);
                assertThat(r.status()).as(op + " with " + who + ": " + r).isEqualTo(401);
                assertThat(r.json().get("code").asText()).as(op + " with " + who).isEqualTo(caller[1]);
                assertThat(r.header("WWW-Authenticate")).as(op + " with " + who).isEqualTo("Bearer realm=\"warmy\"");
                assertThat(r.body()).doesNotContain(admin).doesNotContain(revoked);
            });
        }
        assertThat(snapshot(admin)).isEqualTo(snapshot);
    }

    @Test
    void anotherWorkspacesKeyFindsNoneOfTheseIdsAndANonAdminKeyIsRefusedAdminWork() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        Map<String, String> ids = ownedIds(admin);
        String stranger = api.keyOfNewWorkspace(Mode.LIVE, true);
        String plain = api.keyOfSameWorkspace(admin, Mode.LIVE, false);
        String snapshot = snapshot(admin);
        Set<String> checked = new TreeSet<>();
        for (Operation op : operations()) {
            if (op.template().contains("{")) {
                Response r = call(op, ids, stranger);
                assertThat(r.status()).as(op + " by another workspace: " + r).isIn(404, 403);
                if (r.status() == 403) {
                    assertThat(ADMIN_ONLY).contains(op.toString());
                }
                checked.add(op.toString());
            }
            if (ADMIN_ONLY.contains(op.toString())) {
                Response r = call(op, ids, plain);
                assertThat(r.status()).as(op + " by a non-admin key: " + r).isEqualTo(403);
                assertThat(r.json().get("code").asText()).isEqualTo("admin_key_required");
            }
        }
        assertThat(checked).hasSizeGreaterThan(15);
        assertThat(snapshot(admin)).isEqualTo(snapshot);
    }

    /** Ids of one of each resource in the admin key's workspace, named as the document's path parameters. */
    private Map<String, String> ownedIds(String admin) {
        String mailbox = api.post("/api/v1/mailboxes", admin, "{\"email\":\"m@acme.example\",\"provider\":\"google\"}")
                .json().get("id").asText();
        String hook = api.post("/api/v1/webhooks", admin, "{\"url\":\"https://hooks.example/a\",\"events\":[\"*\"]}")
                .json().get("id").asText();
        JsonNode test = api.postEmpty("/api/v1/webhooks/" + hook + "/test", admin).json();
        api.post("/api/v1/suppressions", admin, "{\"email\":\"s@prospect.example\"}");
        String key = api.post("/api/v1/api-keys", admin, "{\"name\":\"spare\"}").json().get("id").asText();
        String event = api.get("/api/v1/events", admin).json().get("data").get(0).get("id").asText();
        return Map.of("deliveryId", test.get("delivery").get("id").asText(), "email", "s@prospect.example",
                "mailbox", mailbox, "webhook", hook, "event", event, "key", key);
    }

    /** Everything the workspace holds, as its lists show it. */
    private String snapshot(String admin) {
        StringBuilder all = new StringBuilder();
        for (String list : List.of("/mailboxes", "/webhooks", "/suppressions", "/events", "/api-keys", "/sending-limits")) {
            all.append(api.get("/api/v1" + list, admin).body());
        }
        return all.toString().replaceAll("\"lastUsedAt\":(null|\"[^\"]*\")", "");
    }
}
