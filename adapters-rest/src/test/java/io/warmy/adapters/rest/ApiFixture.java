package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.service.TenancyService;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API on a real socket, backed by the real application services on the in-memory store,
 * and a small HTTP client to call it. Time starts on Monday 2026-03-16 09:00 UTC and runs at
 * real speed, so warmup days are predictable and key caches expire as they would in production.
 */
final class ApiFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-16T09:00:00Z");
    /** Short enough that a revoked key is refused well within the test's patience. */
    static final Duration KEY_CACHE = Duration.ofMillis(300);

    private static final ObjectMapper JSON = new ObjectMapper();

    final InMemoryStore store = new InMemoryStore();
    final Clock clock = runningFrom(START);
    final ServiceGraph services;
    final TenancyService tenancy;
    final RestApi.UseCases useCases;
    final RestServer server;
    final String liveAdminKey;
    final String sandboxAdminKey;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger workspaces = new AtomicInteger();

    ApiFixture() {
        services = ServiceGraph.on(store, clock, KEY_CACHE);
        tenancy = services.tenancy();
        var mailboxes = services.mailboxes();
        var warmup = services.warmup();
        var suppressions = services.suppressions();
        var webhooks = services.webhooks();
        var reports = services.warmupReports();
        useCases = new RestApi.UseCases(services.authenticator(), tenancy, tenancy, tenancy, tenancy,
                mailboxes, mailboxes, mailboxes, mailboxes, mailboxes, warmup, warmup, warmup, warmup,
                services.signals(), services.signals(), suppressions, suppressions, suppressions, services.sending(),
                webhooks, webhooks, reports, reports, services.tracking(), services.signals(), services.quotas(),
                services.idempotency());
        var bootstrap = tenancy.bootstrapIfEmpty().orElseThrow();
        liveAdminKey = bootstrap.keys().get(0).secret();
        sandboxAdminKey = bootstrap.keys().get(1).secret();
        server = RestApi.start(0, useCases, clock);
    }

    /** A key of a workspace of its own, so that a test sees only what it made. */
    String keyOfNewWorkspace(Mode mode, boolean admin) {
        return tenancy.issueKey("workspace-" + workspaces.incrementAndGet(), "Test key", mode, admin).secret();
    }

    String keyOfDefaultWorkspace(Mode mode, boolean admin) {
        return tenancy.issueKey(TenancyService.DEFAULT_WORKSPACE, "Test key", mode, admin).secret();
    }

    /** Another key of the workspace that {@code key} belongs to. */
    String keyOfSameWorkspace(String key, Mode mode, boolean admin) {
        return tenancy.issueKey(tenantOf(key).workspaceId(), "Test key", mode, admin).secret();
    }

    /** The workspace and mode a key acts in, for calling the use cases directly as the platform's services do. */
    Tenant tenantOf(String key) {
        return services.authenticator().authenticate(key).tenant();
    }

    /**
     * Waits until the clock has left the current millisecond. Event ids order by millisecond only,
     * so events made in one millisecond have no defined order; a test that asserts the order waits.
     */
    void nextMillisecond() {
        long now = clock.now().toEpochMilli();
        while (clock.now().toEpochMilli() == now) {
            Thread.onSpinWait();
        }
    }

    /** Connects a mailbox through the API and answers its id. */
    String connectMailbox(String key, String email, String provider) {
        Response r = post("/api/v1/mailboxes", key, "{\"email\":\"" + email + "\",\"provider\":\"" + provider + "\"}");
        assertThat(r.status()).as("connect %s: %s", email, r).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /**
     * Checks that an answer is an RFC 9457 problem with the given status and code, naming
     * {@code field} (when not null), and that its requestId is the one in the X-Request-Id header.
     */
    static JsonNode assertProblem(Response r, int status, String code, String field) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("code").asText()).as("code of %s", r).isEqualTo(code);
        assertThat(p.get("type").asText()).isEqualTo("https://docs.warmy.io/errors/" + code);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("requestId").asText()).isNotBlank().isEqualTo(r.header("X-Request-Id"));
        if (field != null) {
            assertThat(p.path("field").asText()).as("field of %s", r).isEqualTo(field);
            assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
        return p;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    Response get(String path, String key) {
        return send(request(path, key).GET());
    }

    Response delete(String path, String key) {
        return send(request(path, key).DELETE());
    }

    Response post(String path, String key, String json) {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postEmpty(String path, String key) {
        return send(request(path, key).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response patch(String path, String key, String json) {
        return send(request(path, key).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code GET <target>} as written, byte for byte: the JDK's client refuses to send a
     * request target that is not a valid URI, and what the server does with one is what is tested.
     */
    Response rawGet(String target, String key) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readResponse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed inside the response head: " + head);
            }
            head.write(b);
        }
        List<String> lines = head.toString(StandardCharsets.ISO_8859_1).lines().toList();
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", List.of("0")).get(0));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Response(status, HttpHeaders.of(headers, (name, value) -> true), body);
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }

    /** A clock that starts at {@code start} and runs at the speed of the machine's own. */
    static Clock runningFrom(Instant start) {
        long origin = System.nanoTime();
        return () -> start.plusNanos(System.nanoTime() - origin);
    }

    /** An HTTP answer with its body read as JSON on demand. */
    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
