package io.warmy.adapters.webhook;

import io.warmy.application.webhook.port.out.EndpointUrlPolicy;
import io.warmy.application.webhook.port.out.WebhookTransport;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.event.Event;
import io.warmy.domain.webhook.DeliveryOutcome;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers a webhook over HTTP(S) with the JDK's client (SPEC §5): the envelope as the body, the
 * Warmy and Standard Webhooks signature headers, no redirects followed. The whole attempt, from
 * connecting to the last byte of the response snippet, ends within the timeout; a receiver that
 * hangs, trickles or floods costs one thread for at most that long, and never more than a KiB
 * of reading. Every outcome is returned, never thrown.
 */
public final class HttpWebhookTransport implements WebhookTransport, AutoCloseable {

    /**
     * @param timeout        the bound on a whole attempt (SPEC: success is a 2xx within 10 s)
     * @param connectTimeout the bound on opening the connection, within {@code timeout}
     * @param urlPolicy      checked again before every attempt, as DNS may have changed since the endpoint was saved
     * @param userAgent      sent as {@code User-Agent}
     */
    public record Settings(Duration timeout, Duration connectTimeout, EndpointUrlPolicy urlPolicy, String userAgent) {

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
        public static final String DEFAULT_USER_AGENT = "Warmy-Webhooks/1";

        public Settings {
            requirePositive(timeout, "timeout");
            requirePositive(connectTimeout, "connectTimeout");
            Objects.requireNonNull(urlPolicy, "urlPolicy");
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
                throw new IllegalArgumentException("userAgent must be printable ASCII.");
            }
        }

        /** A 10 s attempt, a 5 s connect and {@value #DEFAULT_USER_AGENT}. */
        public static Settings defaults(EndpointUrlPolicy urlPolicy) {
            return new Settings(DEFAULT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, urlPolicy, DEFAULT_USER_AGENT);
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive.");
            }
        }
    }

    private static final int MAX_ERROR_LENGTH = 200;

    private final Settings settings;
    private final ExecutorService executor;
    private final HttpClient client;

    public HttpWebhookTransport(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.client = HttpClient.newBuilder()
                // HTTP/1.1 keeps plain-http receivers free of h2c upgrade offers some of them mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(executor)
                .build();
    }

    @Override
    public DeliveryOutcome deliver(Event event, String url, List<String> secrets, Instant attemptAt) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(attemptAt, "attemptAt");
        try {
            settings.urlPolicy().check(url);
        } catch (InvalidValueException e) {
            return DeliveryOutcome.failed("refused: " + e.getMessage(), Duration.ZERO, false);
        }
        if (secrets.isEmpty()) {
            return DeliveryOutcome.failed("the endpoint has no signing secret", Duration.ZERO, false);
        }
        byte[] body;
        try {
            body = WebhookEnvelope.bytes(event);
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.failed(e.getMessage(), Duration.ZERO, false);
        }
        String warmySignature;
        String standardSignature;
        try {
            warmySignature = WebhookSignatures.warmyHeader(secrets, attemptAt.toEpochMilli(), body);
            standardSignature = WebhookSignatures.standardHeader(secrets, event.id().value(), attemptAt.getEpochSecond(), body);
        } catch (IllegalArgumentException e) {
            // Deliberately without the exception's text: a decoding error can quote the secret.
            return DeliveryOutcome.failed("a signing secret of the endpoint is malformed", Duration.ZERO, false);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", settings.userAgent())
                    .header("X-Warmy-Event-Id", event.id().value())
                    .header("X-Warmy-Event-Type", event.type().wireName())
                    .header("X-Warmy-Timestamp", Long.toString(attemptAt.toEpochMilli()))
                    .header("X-Warmy-Signature", warmySignature)
                    .header("X-WarmySender-Signature", warmySignature)
                    .header("webhook-id", event.id().value())
                    .header("webhook-timestamp", Long.toString(attemptAt.getEpochSecond()))
                    .header("webhook-signature", standardSignature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.failed("refused: the URL cannot be requested", Duration.ZERO, false);
        }
        return send(request, attemptAt);
    }

    private DeliveryOutcome send(HttpRequest request, Instant attemptAt) {
        long start = System.nanoTime();
        ResponseCapture capture = new ResponseCapture();
        CompletableFuture<HttpResponse<Void>> exchange;
        try {
            exchange = client.sendAsync(request, capture);
        } catch (RuntimeException e) {
            return DeliveryOutcome.failed("request failed: " + shortMessage(e), since(start), false);
        }
        try {
            exchange.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            capture.abort();
            if (capture.info().isEmpty()) {
                return DeliveryOutcome.failed("timed out after " + seconds(settings.timeout()), since(start), true);
            }
            // The status arrived in time and is the receiver's answer; only its body was too slow.
        } catch (ExecutionException e) {
            capture.abort();
            if (capture.info().isEmpty()) {
                return failure(e.getCause(), since(start));
            }
        } catch (InterruptedException e) {
            exchange.cancel(true);
            capture.abort();
            Thread.currentThread().interrupt();
            return DeliveryOutcome.failed("interrupted", since(start), false);
        }
        return answered(capture, attemptAt, since(start));
    }

    private static DeliveryOutcome answered(ResponseCapture capture, Instant attemptAt, Duration latency) {
        HttpResponse.ResponseInfo info = capture.info().orElseThrow();
        int status = info.statusCode();
        Optional<Duration> retryAfter = status == 429 || status == 503
                ? info.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, attemptAt.plus(latency)))
                : Optional.empty();
        return DeliveryOutcome.answered(status, latency, capture.snippet(), retryAfter);
    }

    private DeliveryOutcome failure(Throwable cause, Duration latency) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return DeliveryOutcome.failed("connect timed out after " + seconds(settings.connectTimeout()), latency, true);
            }
            if (t instanceof HttpTimeoutException) {
                return DeliveryOutcome.failed("timed out after " + seconds(settings.timeout()), latency, true);
            }
            if (t instanceof ConnectException) {
                // The JDK client often drops the operating system's text; without it, refused is what it was.
                String message = t.getMessage();
                return DeliveryOutcome.failed(message == null || message.toLowerCase(Locale.ROOT).contains("refused")
                        ? "connection refused" : "cannot connect: " + shortMessage(t), latency, false);
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return DeliveryOutcome.failed("the host cannot be resolved", latency, false);
            }
            if (t instanceof NoRouteToHostException) {
                return DeliveryOutcome.failed("no route to host", latency, false);
            }
            if (t instanceof SSLException) {
                return DeliveryOutcome.failed("TLS failed: " + shortMessage(t), latency, false);
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("reset")) {
                return DeliveryOutcome.failed("connection reset", latency, false);
            }
            // What the JDK client says when the receiver closes the connection before a status line.
            if (t instanceof EOFException || message.contains("received no bytes")) {
                return DeliveryOutcome.failed("connection closed without an answer", latency, false);
            }
        }
        return DeliveryOutcome.failed("connection failed: " + shortMessage(cause), latency, false);
    }

    /** The first message along the cause chain, short enough for the attempt log. */
    private static String shortMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) + "..." : message;
            }
        }
        return error == null ? "unknown error" : error.getClass().getSimpleName();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Abandons attempts in flight and releases the client's connections and threads. */
    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
