package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property-based pass of hostile input over every operation of the API document: malformed and
 * truncated JSON, wrong types, huge and negative numbers, injection strings, invalid UTF-8, odd ids
 * and paths. No answer is a 5xx, none shows a stack trace or SQL, and a refused request changes
 * nothing of the workspace.
 */
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiFixture api;
    private static String key;
    private static List<String[]> operations;
    private static List<String> fields;
    private static String mailboxId;
    private static String webhookId;

    @BeforeContainer
    static void start() throws IOException {
        api = new ApiFixture();
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        // A key of its own with room for the thousands of requests this pass makes.
        key = api.post("/api/v1/api-keys", admin, "{\"name\":\"fuzz\",\"admin\":true,\"rateLimitPerHour\":1000000}")
                .json().get("key").asText();
        mailboxId = api.post("/api/v1/mailboxes", key, "{\"email\":\"f@acme.example\",\"provider\":\"google\"}")
                .json().get("id").asText();
        webhookId = api.post("/api/v1/webhooks", key, "{\"url\":\"https://hooks.example/f\",\"events\":[\"*\"]}")
                .json().get("id").asText();
        operations = new ArrayList<>();
        fields = new ArrayList<>();
        try (InputStream in = ApiDocs.class.getResourceAsStream(ApiDocs.DOCUMENT)) {
            JsonNode doc = JSON.readTree(in);
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m ->
                    operations.add(new String[] {m.toUpperCase(), p.getKey()})));
            doc.get("components").get("schemas").forEach(schema -> schema.path("properties").fieldNames()
                    .forEachRemaining(f -> {
                        if (!fields.contains(f)) {
                            fields.add(f);
                        }
                    }));
        }
    }

    @AfterContainer
    static void stop() {
        api.close();
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.of(mailboxId, webhookId, "", "%2e%2e", "..%2F..%2Fetc%2Fpasswd",
                        "mbx_" + "Z".repeat(26), "' OR '1'='1", "%00", "-1", "99999999999999999999", "%F0%9F%92%A9",
                        "x".repeat(3000), "mbx_01KAT5QW3M7S1Z8XJ9VDQ4B2NC%3Bdrop%20table"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40)
                        .map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "[]", "{}", "\"\"", "-1", "0", "1e309", "-9223372036854775809",
                        "123456789012345678901234567890", "0.5", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"",
                        "\"${jndi:ldap://x}\"", "\"\\u0000\"", "\"" + "a".repeat(5000) + "\"", "[1,[2,[3]]]",
                        "\"2026-02-30T25:61:00Z\"", "\"*\"", "[\"*\",\"no.such\"]"),
                Arbitraries.integers().map(Object::toString),
                Arbitraries.strings().ofMaxLength(30).map(HostileInputTest::quoted));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> objects = Combinators.combine(Arbitraries.of(fields), values(), Arbitraries.of(fields), values())
                .as((f1, v1, f2, v2) -> "{\"" + f1 + "\":" + v1 + ",\"" + f2 + "\":" + v2 + "}");
        Arbitrary<String> truncated = objects.map(s -> s.substring(0, s.length() / 2));
        Arbitrary<String> junk = Arbitraries.of("", "{", "}", "[", "null", "\"text\"", "{\"a\":1,\"a\":2}", "{\"a\":}",
                "{'single':'quotes'}", "{\"a\":1}{\"b\":2}", "{\"a\":NaN}", "\uFEFF{}");
        return Arbitraries.oneOf(objects, truncated, junk);
    }

    @Property(tries = 100)
    void noHostileRequestIsA5xxLeaksInternalsOrChangesWhatItWasRefused(@ForAll("bodies") String body,
                                                                      @ForAll("ids") String id) {
        String before = snapshot();
        for (String[] op : operations) {
            String path = RestApi.BASE_PATH + op[1].replaceAll("\\{[a-zA-Z]+}", id.isEmpty() ? "x" : id);
            HttpRequest.Builder b;
            try {
                b = api.request(path, key);
            } catch (IllegalArgumentException notAUri) {
                continue; // the raw-socket property below sends what a URI cannot hold
            }
            boolean sendsBody = !op[0].equals("GET") && !op[0].equals("DELETE");
            if (sendsBody) {
                b.header("Content-Type", "application/json");
            }
            Response r = api.send(b.method(op[0], sendsBody ? HttpRequest.BodyPublishers.ofString(body)
                    : HttpRequest.BodyPublishers.noBody()));
            assertSafe(op[0] + " " + path + " " + body, r.status(), r.body());
            if (op[0].equals("GET")) {
                continue;
            }
            if (r.status() >= 400) {
                assertThat(snapshot()).as("refused %s %s changed something", op[0], path).isEqualTo(before);
            } else {
                before = snapshot();
            }
        }
    }

    @Property(tries = 100)
    void invalidUtf8AndRawOddities(@ForAll("rawTargets") String target, @ForAll("rawBodies") byte[] body) {
        for (String method : List.of("POST", "PATCH", "GET")) {
            int[] status = new int[1];
            String answer = raw(method, target, body, status);
            assertSafe(method + " " + target, status[0], answer);
        }
    }

    @Provide
    Arbitrary<String> rawTargets() {
        return Arbitraries.of("/api/v1/mailboxes", "/api/v1/mailboxes/%C0%AF", "/api/v1/suppressions/%FF%FE",
                "/api/v1/mailboxes/\u00e9", "/api/v1/events?type=%ZZ", "/api/v1/webhooks?limit=-5",
                "/api/v1/mailboxes?limit=99999999999999999999", "/api/v1//mailboxes", "/api/v1/mailboxes/..;/x",
                "/api/v1/sandbox/events");
    }

    @Provide
    Arbitrary<byte[]> rawBodies() {
        return Arbitraries.of(new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, "{\"email\":\"a\u0000@b.c\"}".getBytes(StandardCharsets.UTF_8),
                new byte[0], "{\"displayName\":\"\uD800\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSafe(String what, int status, String body) {
        assertThat(status).as(what + " -> " + body).isBetween(200, 499);
        assertThat(body).as(what).doesNotContain("Exception", "\tat ", "SQL", "java.", "io.helidon", "jdbc");
    }

    private static String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String list : List.of("/mailboxes", "/webhooks", "/suppressions", "/events", "/api-keys", "/sending-limits")) {
            all.append(api.get("/api/v1" + list, key).body());
        }
        return all.toString().replaceAll("\"lastUsedAt\":(null|\"[^\"]*\")", "");
    }

    private static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request bytes as written (the JDK client refuses invalid targets) and reads the answer. */
    private static String raw(String method, String target, byte[] body, int[] status) {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            request.write(body);
            out.write(request.toByteArray());
            out.flush();
            Response r = ApiFixture.readResponse(socket.getInputStream());
            status[0] = r.status();
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
