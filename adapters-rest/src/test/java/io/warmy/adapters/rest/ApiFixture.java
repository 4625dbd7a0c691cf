package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warmy.application.common.UlidIds;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.mailbox.service.MailboxService;
import io.warmy.application.mailbox.service.MailboxUpdates;
import io.warmy.application.tenancy.service.ApiKeyAuthenticator;
import io.warmy.application.tenancy.service.TenancyService;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.warmup.service.WarmupService;
import io.warmy.domain.tenancy.Mode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
        UlidIds ids = new UlidIds(clock);
        tenancy = new TenancyService(store.workspaces(), store.apiKeys(), store.transactions(), ids, clock);
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store.apiKeys(), clock, KEY_CACHE);
        MailboxService mailboxes = new MailboxService(store.mailboxes(), store.transactions(), ids, clock);
        WarmupService warmup = new WarmupService(new MailboxUpdates(store.mailboxes(), store.transactions()), clock);
        useCases = new RestApi.UseCases(authenticator, tenancy, tenancy, tenancy, tenancy,
                mailboxes, mailboxes, mailboxes, mailboxes, mailboxes, warmup, warmup, warmup, warmup);
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
