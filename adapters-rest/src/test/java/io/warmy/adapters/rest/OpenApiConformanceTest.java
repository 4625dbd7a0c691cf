package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.webhook.port.out.WebhookTransport;
import io.warmy.application.webhook.service.DispatchService;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryOutcome;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document and the API agree: every route the routing code registers is documented
 * and every documented operation is routed; the query parameters each handler accepts are the
 * documented ones; and real answers to every operation — successes and the main errors — have a
 * documented status, the documented headers, and bodies valid against the documented schemas
 * (read strictly: a field the document does not name fails).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "patch", "put", "delete");

    private final ApiFixture api = new ApiFixture();
    private final JsonNode doc = load();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, Set<Integer>> covered = new TreeMap<>();

    @AfterAll
    void stop() {
        api.close();
    }

    private static JsonNode load() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(ApiDocs.DOCUMENT)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDocumentIsValidOpenApi31AndServedAsIs() throws Exception {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(doc), null, null);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parsed.getOpenAPI().getWebhooks()).hasSize(12);

        Response served = api.get("/api/v1/openapi.json", null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/json");
        assertThat(JSON.readTree(served.body())).isEqualTo(doc);
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
        RecordingRules recorder = new RecordingRules();
        new RestApi(api.useCases, api.clock).apiRoutes().routing(recorder);
        Set<String> routed = new TreeSet<>();
        recorder.routes().forEach(r -> routed.add(r.replace(" ", " " + RestApi.BASE_PATH).replaceAll("/$", "")));
        assertThat(documentedOperations()).isEqualTo(routed);
    }

    @Test
    void eachOperationAcceptsExactlyTheDocumentedQueryParameters() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, true);
        Pattern accepted = Pattern.compile("Accepted: (.*)\\.$");
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1)
                    .replace("{email}", "x@example.com").replaceAll("\\{[a-zA-Z]+}", "zz");
            Response r = api.send(api.request(path + "?zz_unknown=1", key)
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(r.status()).as(operation + " " + r).isEqualTo(400);
            assertThat(r.json().get("code").asText()).as(operation + " " + r).isEqualTo("unknown_parameter");
            Matcher m = accepted.matcher(r.json().get("detail").asText());
            assertThat(m.find()).isTrue();
            Set<String> handlerTakes = m.group(1).equals("none") ? Set.of() : new TreeSet<>(List.of(m.group(1).split(", ")));
            assertThat(handlerTakes).as(operation).isEqualTo(documentedQueryParameters(operation));
        }
    }

    @Test
    void realAnswersToEveryOperationMatchTheDocument() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        String sandbox = api.keyOfSameWorkspace(admin, Mode.SANDBOX, true);
        String plain = api.keyOfSameWorkspace(admin, Mode.LIVE, false);

        check("GET", "/workspace", "/workspace", admin, null);
        check("GET", "/workspace", "/workspace", null, null);
        check("GET", "/workspace", "/workspace", "wk_live_" + "0".repeat(32), null);
        JsonNode key = check("POST", "/api-keys", "/api-keys", admin, "{\"name\":\"docs\",\"rateLimitPerHour\":1}");
        check("POST", "/api-keys", "/api-keys", admin, "{\"name\":\"\"}");
        check("POST", "/api-keys", "/api-keys", plain, "{\"name\":\"x\"}");
        check("GET", "/api-keys", "/api-keys", admin, null);
        check("GET", "/api-keys", "/api-keys?cursor=not-a-cursor", admin, null);
        String limited = key.get("key").asText();
        check("GET", "/workspace", "/workspace", limited, null);
        check("GET", "/workspace", "/workspace", limited, null); // 429
        check("DELETE", "/api-keys/{id}", "/api-keys/" + key.get("id").asText(), admin, null);
        check("DELETE", "/api-keys/{id}", "/api-keys/key_01KAT5QW3M7S1Z8XJ9VDQ4B2NC", admin, null);

        JsonNode mailbox = check("POST", "/mailboxes", "/mailboxes", admin,
                "{\"email\":\"docs@acme.example\",\"provider\":\"google\",\"displayName\":\"Docs\"}");
        String m = "/mailboxes/" + mailbox.get("id").asText();
        check("POST", "/mailboxes", "/mailboxes", admin, "{\"email\":\"docs@acme.example\",\"provider\":\"fax\"}");
        check("POST", "/mailboxes", "/mailboxes", admin, "{\"email\":");
        checkRaw("POST", "/mailboxes", "/mailboxes", admin, "text/plain", "hello");
        verify("POST", "/mailboxes", oversized(admin));
        check("GET", "/mailboxes", "/mailboxes?provider=google", admin, null);
        check("GET", "/mailboxes/{id}", m, admin, null);
        check("GET", "/mailboxes/{id}", "/mailboxes/mbx_01KAT5QW3M7S1Z8XJ9VDQ4B2NC", admin, null);
        check("GET", "/mailboxes/{id}", "/mailboxes/not-an-id", admin, null);
        check("PATCH", "/mailboxes/{id}", m, admin, "{\"dailyLimit\":90}");
        check("GET", "/mailboxes/{id}/warmup", m + "/warmup", admin, null);
        check("PATCH", "/mailboxes/{id}/warmup", m + "/warmup", admin, "{\"dailyTarget\":60}");
        check("PATCH", "/mailboxes/{id}/warmup", m + "/warmup", admin, "{\"dailyTarget\":0}");
        check("POST", "/mailboxes/{id}/warmup/pause", m + "/warmup/pause", admin, null);
        check("POST", "/mailboxes/{id}/warmup/resume", m + "/warmup/resume", admin, null);
        check("GET", "/mailboxes/{id}/stats", m + "/stats", admin, null);
        check("GET", "/mailboxes/{id}/stats", m + "/stats?from=2026-03-20&to=2026-03-01", admin, null);
        check("GET", "/mailboxes/{id}/health", m + "/health", admin, null);

        JsonNode events = check("GET", "/events", "/events?type=mailbox.connected", admin, null);
        check("GET", "/events/{id}", "/events/" + events.get("data").get(0).get("id").asText(), admin, null);
        check("GET", "/events/{id}", "/events/01a20e52-2132-7258-92d8-50cc7722f77b", admin, null);

        check("POST", "/suppressions", "/suppressions", admin, "{\"email\":\"gone@prospect.example\"}");
        check("POST", "/suppressions", "/suppressions", admin, "{\"email\":\"gone@prospect.example\"}");
        check("GET", "/suppressions", "/suppressions", admin, null);
        check("DELETE", "/suppressions/{email}", "/suppressions/gone@prospect.example", admin, null);
        check("DELETE", "/suppressions/{email}", "/suppressions/never@prospect.example", admin, null);

        check("GET", "/sending-limits", "/sending-limits", admin, null);
        check("PATCH", "/sending-limits", "/sending-limits", admin, "{\"domainDailyLimit\":300}");
        check("PATCH", "/sending-limits", "/sending-limits", plain, "{\"domainDailyLimit\":300}");

        JsonNode hook = check("POST", "/webhooks", "/webhooks", admin,
                "{\"url\":\"https://hooks.example/docs\",\"events\":[\"*\"],\"description\":\"docs\"}");
        check("POST", "/webhooks", "/webhooks", admin, "{\"url\":\"https://hooks.example/x\",\"events\":[\"no.such\"]}");
        String w = "/webhooks/" + hook.get("id").asText();
        check("GET", "/webhooks", "/webhooks", admin, null);
        check("GET", "/webhooks/{id}", w, admin, null);
        check("PATCH", "/webhooks/{id}", w, admin, "{\"description\":\"docs, renamed\"}");
        assertThat(check("PATCH", "/webhooks/{id}", w, admin, "{\"events\":null}").get("events").get(0).asText()).isEqualTo("*");
        check("POST", "/webhooks/{id}/test", w + "/test", admin, null);
        check("POST", "/webhooks/{id}/rotate-secret", w + "/rotate-secret", admin, null);
        JsonNode deliveries = check("GET", "/webhooks/{id}/deliveries", w + "/deliveries", admin, null);
        String delivery = deliveries.get("data").get(0).get("id").asText();
        check("POST", "/webhooks/{id}/deliveries/{deliveryId}/retry", w + "/deliveries/" + delivery + "/retry", admin, null);
        failForGood(delivery);
        check("GET", "/webhooks/{id}/deliveries", w + "/deliveries?status=failed", admin, null);
        check("POST", "/webhooks/{id}/deliveries/{deliveryId}/retry", w + "/deliveries/" + delivery + "/retry", admin, null);
        check("POST", "/webhooks/{id}/recover", w + "/recover", admin, "{\"since\":\"2026-03-01T00:00:00Z\"}");
        check("PATCH", "/webhooks/{id}", w, admin, "{\"enabled\":false}");
        check("POST", "/webhooks/{id}/test", w + "/test", admin, null); // 409 while disabled
        check("DELETE", "/webhooks/{id}", w, admin, null);
        check("GET", "/webhooks/{id}", w, admin, null);

        check("POST", "/sandbox/events", "/sandbox/events", sandbox, "{\"type\":\"email.bounced\"}");
        check("POST", "/sandbox/events", "/sandbox/events", sandbox, "{\"type\":\"webhook.test\"}");
        check("POST", "/sandbox/events", "/sandbox/events", sandbox, "{\"type\":\"no.such\"}");
        check("POST", "/sandbox/events", "/sandbox/events", admin, "{\"type\":\"email.opened\"}");
        check("DELETE", "/mailboxes/{id}", m, admin, null);

        Set<String> withoutSuccess = new TreeSet<>(documentedOperations());
        covered.forEach((op, statuses) -> {
            if (statuses.stream().anyMatch(s -> s < 300)) {
                withoutSuccess.remove(op);
            }
        });
        assertThat(withoutSuccess).as("operations never answered with success here").isEmpty();
    }

    @Test
    void everyWebhookEventTheServerMakesMatchesItsDocumentedPayload() {
        String sandbox = api.keyOfNewWorkspace(Mode.SANDBOX, true);
        List<String> types = new ArrayList<>();
        doc.get("webhooks").fieldNames().forEachRemaining(types::add);
        assertThat(types).hasSize(12);
        for (String type : types) {
            Response made = api.post("/api/v1/sandbox/events", sandbox, "{\"type\":\"" + type + "\"}");
            assertThat(made.status()).as(type).isEqualTo(201);
            ObjectNode envelope = (ObjectNode) made.json().deepCopy();
            envelope.remove("id");
            envelope.remove("duplicate");
            JsonNode schema = doc.get("webhooks").get(type).get("post").get("requestBody").get("content")
                    .get("application/json").get("schema");
            assertThat(schema(schema).validate(envelope)).as(type + " " + made.body()).isEmpty();
        }
    }

    /** Fails all eight attempts of a delivery with a 500, 13 h apart (past the longest wait, within 5 days). */
    private void failForGood(String deliveryId) {
        WebhookTransport boom = (event, url, secrets, at) ->
                DeliveryOutcome.answered(500, Duration.ofMillis(3), "boom", Optional.empty());
        for (int attempt = 0; attempt < 8; attempt++) {
            Duration ahead = Duration.ofHours(13L * attempt);
            Clock later = () -> api.clock.now().plus(ahead);
            DispatchService dispatcher = new DispatchService(api.store.deliveryQueue(), api.store.webhookEndpoints(),
                    api.store.eventLog(), boom, api.store.transactions(), later, new Random(1));
            for (Delivery claimed : dispatcher.claimDue("conformance", 10_000, Duration.ofMinutes(1))) {
                if (claimed.id().value().equals(deliveryId)) {
                    dispatcher.attempt(claimed, "conformance");
                } else {
                    dispatcher.release(claimed, "conformance");
                }
            }
        }
    }

    /** Sends a JSON request (or none), checks the answer against the document, and answers its body. */
    private JsonNode check(String method, String template, String path, String key, String json) {
        return checkRaw(method, template, path, key, json == null ? null : "application/json", json);
    }

    private JsonNode checkRaw(String method, String template, String path, String key, String contentType, String body) {
        HttpRequest.Builder b = api.request(RestApi.BASE_PATH + path, key).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return verify(method, template, api.send(b));
    }

    /**
     * A POST that declares a body over 1 MiB, sent without it: the server refuses it on the declared
     * length (as it would the real thing) and the answer can be read without racing the upload.
     */
    private Response oversized(String key) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + RestApi.BASE_PATH + "/mailboxes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (RestApi.MAX_BODY_BYTES + 1) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return ApiFixture.readResponse(socket.getInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode verify(String method, String template, Response r) {
        String operation = method + " " + RestApi.BASE_PATH + template;
        JsonNode op = doc.path("paths").path(template).path(method.toLowerCase());
        assertThat(op.isMissingNode()).as("documented: " + operation).isFalse();
        JsonNode response = resolve(op.path("responses").path(Integer.toString(r.status())));
        assertThat(response.isMissingNode()).as(operation + " answered " + r + ", a status the document does not give it")
                .isFalse();
        covered.computeIfAbsent(operation, k -> new TreeSet<>()).add(r.status());

        response.path("headers").fieldNames().forEachRemaining(header ->
                assertThat(r.header(header)).as(operation + " " + r.status() + " header " + header).isNotNull());
        Iterator<Map.Entry<String, JsonNode>> content = response.path("content").fields();
        assertThat(content.hasNext()).isTrue();
        Map.Entry<String, JsonNode> media = content.next();
        assertThat(r.contentType()).as(operation + " " + r.status()).startsWith(media.getKey());
        JsonNode body2 = r.json();
        Set<ValidationMessage> errors = schema(media.getValue().path("schema")).validate(body2);
        assertThat(errors).as(operation + " " + r.status() + " body " + r.body()).isEmpty();
        return body2;
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = doc;
            for (String part : parts) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }

    /** The schema, with the document's components to resolve references in, every object read as closed. */
    private JsonSchema schema(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("allOf", JSON.createArrayNode().add(schema));
        ObjectNode components = doc.get("components").deepCopy();
        closeObjects(components.get("schemas"));
        root.set("components", components);
        return schemas.getSchema(root);
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(OpenApiConformanceTest::closeObjects);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(OpenApiConformanceTest::closeObjects);
        }
    }

    private Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + RestApi.BASE_PATH + path.getKey());
            }
        }));
        return operations;
    }

    private Set<String> documentedQueryParameters(String operation) {
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
        String path = operation.substring(operation.indexOf(' ') + 1 + RestApi.BASE_PATH.length());
        Set<String> names = new TreeSet<>();
        List<JsonNode> params = new ArrayList<>();
        doc.path("paths").path(path).path(method).path("parameters").forEach(params::add);
        for (JsonNode p : params) {
            JsonNode resolved = resolve(p);
            if (resolved.path("in").asText().equals("query")) {
                names.add(resolved.get("name").asText());
            }
        }
        return names;
    }
}
