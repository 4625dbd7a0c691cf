package io.warmy.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.warmy.adapters.webhook.WebhookVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code warmy listen}: registers a temporary webhook endpoint pointing at a port it opens on this
 * machine, prints every event as it arrives (type, id, whether its signature verifies with the
 * endpoint's secret, the data), optionally forwards it as received, and removes the endpoint when
 * it stops (Ctrl-C).
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Receive your workspace's webhooks on this machine and print them as they arrive.",
        footer = {"", "The server must allow webhooks to this machine: start it with WARMY_WEBHOOKS_ALLOW_LOOPBACK=true.",
                "", "Exit codes: 0 stopped (Ctrl-C, or --max-events reached), 1 the server refused or could not be reached,"
                        + " 2 usage error."})
public final class Listen implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FORWARDED = List.of("Content-Type", "X-Warmy-Event-Id", "X-Warmy-Event-Type",
            "X-Warmy-Timestamp", "X-Warmy-Signature", "X-WarmySender-Signature", "webhook-id", "webhook-timestamp",
            "webhook-signature");

    @Mixin
    ApiOptions api;

    @Option(names = "--events", split = ",", paramLabel = "TYPE",
            description = "Event types to receive, comma-separated (default: all).")
    List<String> events = List.of("*");

    @Option(names = "--forward-to", paramLabel = "URL", description = "Also post each event, as received, to this URL.")
    URI forwardTo;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Local port to listen on (default: any free one).")
    int port;

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "0",
            description = "Stop after N events (default: run until Ctrl-C).")
    int maxEvents;

    @Override
    public Integer call() throws Exception {
        if (!api.hasKey()) {
            return 2;
        }
        PrintStream out = System.out;
        ApiCall calls = api.call();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        // Known once the endpoint exists; an event can only arrive after that, on another thread.
        java.util.concurrent.atomic.AtomicReference<String> secret = new java.util.concurrent.atomic.AtomicReference<>();
        HttpClient forwarder = HttpClient.newHttpClient();
        receiver.createContext("/", exchange -> {
            try {
                receive(exchange, secret.get(), forwarder, out);
            } finally {
                exchange.close();
            }
            if (maxEvents > 0 && received.incrementAndGet() >= maxEvents) {
                done.countDown();
            }
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/";
        ObjectNode create = JSON.createObjectNode().put("url", url).put("description", "warmy listen (temporary)");
        events.forEach(create.putArray("events")::add);
        JsonNode endpoint;
        try {
            endpoint = calls.post("/api/v1/webhooks", create);
        } catch (ApiCall.Failure e) {
            receiver.stop(0);
            if (e.status() == 422 && e.detail().contains("loopback")) {
                throw new ApiCall.Failure("the server refuses webhooks to this machine; start it with"
                        + " WARMY_WEBHOOKS_ALLOW_LOOPBACK=true ./warmy serve");
            }
            throw e;
        }
        secret.set(endpoint.get("secret").asText());
        String id = endpoint.get("id").asText();
        AtomicBoolean removed = new AtomicBoolean();
        Runnable cleanUp = () -> {
            if (removed.compareAndSet(false, true)) {
                try {
                    calls.delete("/api/v1/webhooks/" + id);
                    System.err.println("Removed the temporary webhook " + id + ".");
                } catch (ApiCall.Failure f) {
                    System.err.println("warmy: could not remove the temporary webhook " + id + ": " + f.getMessage());
                }
                receiver.stop(0);
            }
        };
        Thread hook = new Thread(cleanUp, "warmy-listen-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Ready. Listening on " + url + " for " + String.join(", ", events) + " (webhook " + id + ")"
                + (forwardTo == null ? "" : ", forwarding to " + forwardTo) + ". Ctrl-C to stop.");
        out.flush();
        try {
            done.await();
        } finally {
            cleanUp.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has done the same
            }
        }
        return 0;
    }

    private void receive(HttpExchange exchange, String secret, HttpClient forwarder, PrintStream out) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(204, -1);
        String signature = exchange.getRequestHeaders().getFirst("X-Warmy-Signature");
        WebhookVerifier.Result verified = signature == null || secret == null ? WebhookVerifier.Result.MALFORMED_HEADER
                : WebhookVerifier.verify(signature, body, secret, Instant.now(), WebhookVerifier.DEFAULT_TOLERANCE);
        StringBuilder block = new StringBuilder();
        block.append(Instant.now()).append("  ").append(exchange.getRequestHeaders().getFirst("X-Warmy-Event-Type"))
                .append("  ").append(exchange.getRequestHeaders().getFirst("X-Warmy-Event-Id"))
                .append("  signature: ").append(verified == WebhookVerifier.Result.VALID ? "verified" : verified.name())
                .append(System.lineSeparator());
        try {
            block.append(JSON.readTree(body).path("data").toPrettyString());
        } catch (IOException notJson) {
            block.append(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (forwardTo != null) {
            block.append(System.lineSeparator()).append("  -> ").append(forward(forwarder, exchange, body));
        }
        synchronized (out) {
            out.println(block);
            out.flush();
        }
    }

    private String forward(HttpClient forwarder, HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(forwardTo).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            return "forwarded to " + forwardTo + ": " + forwarder.send(request.build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return "forwarding to " + forwardTo + " failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "forwarding interrupted";
        }
    }
}
