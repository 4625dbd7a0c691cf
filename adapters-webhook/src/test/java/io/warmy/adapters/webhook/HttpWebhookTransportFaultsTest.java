package io.warmy.adapters.webhook;

import io.warmy.domain.webhook.DeliveryOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.warmy.adapters.webhook.HttpWebhookTransportTest.ATTEMPT;
import static io.warmy.adapters.webhook.HttpWebhookTransportTest.EVENT;
import static io.warmy.adapters.webhook.HttpWebhookTransportTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** Receivers that fail, redirect, flood, hang, trickle or vanish: each is reported, none is thrown, none holds us past the timeout. */
class HttpWebhookTransportFaultsTest {

    private static final List<String> SECRETS = List.of(SECRET);

    private Receiver receiver;
    private HttpWebhookTransport transport;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        transport = HttpWebhookTransportTest.loopbackTransport(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        transport.close();
        receiver.close();
    }

    private DeliveryOutcome deliverTo(String url) {
        return transport.deliver(EVENT, url, SECRETS, ATTEMPT);
    }

    @Test
    void aServerErrorIsReportedWithItsSnippetAndNoRetryAfter() {
        receiver.on("/hook", Receiver.status(500, "database on fire", "Retry-After", "30"));

        DeliveryOutcome outcome = deliverTo(receiver.url("/hook"));

        assertThat(outcome.statusCode()).contains(500);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("HTTP 500");
        assertThat(outcome.responseSnippet()).isEqualTo("database on fire");
        assertThat(outcome.retryAfter()).isEmpty();
        assertThat(outcome.timedOut()).isFalse();
    }

    @Test
    void aRedirectIsReportedAndNotFollowed() {
        receiver.on("/hook", Receiver.status(302, "", "Location", "/target"));
        receiver.on("/target", Receiver.status(200, "followed"));

        DeliveryOutcome outcome = deliverTo(receiver.url("/hook"));

        assertThat(outcome.statusCode()).contains(302);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("HTTP 302");
        assertThat(receiver.count()).isEqualTo(1);
    }

    @Test
    void goneIsReportedAsItsStatus() {
        receiver.on("/hook", Receiver.status(410, "gone"));

        DeliveryOutcome outcome = deliverTo(receiver.url("/hook"));

        assertThat(outcome.statusCode()).contains(410);
        assertThat(outcome.succeeded()).isFalse();
    }

    @Test
    void anyTwoHundredIsSuccess() {
        receiver.on("/hook", Receiver.status(204, ""));

        DeliveryOutcome outcome = deliverTo(receiver.url("/hook"));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.responseSnippet()).isEmpty();
    }

    @Test
    void tooManyRequestsWithRetryAfterSecondsIsHonoured() {
        receiver.on("/hook", Receiver.status(429, "slow down", "Retry-After", "120"));

        DeliveryOutcome outcome = deliverTo(receiver.url("/hook"));

        assertThat(outcome.statusCode()).contains(429);
        assertThat(outcome.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void unavailableWithRetryAfterAnHttpDateIsCountedFromTheAttempt() {
        Instant attemptAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(attemptAt.plusSeconds(300).atOffset(ZoneOffset.UTC));
        receiver.on("/hook", Receiver.status(503, "maintenance", "Retry-After", date));

        DeliveryOutcome outcome = transport.deliver(EVENT, receiver.url("/hook"), SECRETS, attemptAt);

        assertThat(outcome.statusCode()).contains(503);
        assertThat(outcome.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(295), Duration.ofSeconds(300)));
    }

    @Test
    void aTenMebibyteAnswerIsReadOnlyToOneKibibyte() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        receiver.on("/hook", Receiver.bytes(200, huge));

        long start = System.nanoTime();
        DeliveryOutcome outcome = deliverTo(receiver.url("/hook"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.responseSnippet()).isEqualTo("x".repeat(DeliveryOutcome.MAX_SNIPPET));
    }

    @Test
    void anEndlessAnswerIsCutOffByClosingTheConnection() throws Exception {
        CompletableFuture<Long> written = new CompletableFuture<>();
        receiver.on("/hook", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            long total = 0;
            try (OutputStream out = exchange.getResponseBody()) {
                // Bounded so that a client which merely stops reading fails the test instead of hanging it.
                while (total < 512L * 1024 * 1024) {
                    out.write(chunk);
                    total += chunk.length;
                }
                written.complete(total);
            } catch (IOException e) {
                written.completeExceptionally(e);
            }
        });

        DeliveryOutcome outcome = deliverTo(receiver.url("/hook"));

        assertThat(outcome.responseSnippet()).hasSize(DeliveryOutcome.MAX_SNIPPET);
        assertThat(written).failsWithin(10, TimeUnit.SECONDS);
    }

    @Test
    void theSnippetIsLenientUtf8AndNeverEndsInHalfACharacter() {
        byte[] body = new byte[DeliveryOutcome.MAX_SNIPPET + 10];
        Arrays.fill(body, (byte) 'a');
        body[0] = (byte) 0xFF;
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        body[DeliveryOutcome.MAX_SNIPPET - 1] = e[0];
        body[DeliveryOutcome.MAX_SNIPPET] = e[1];
        receiver.on("/hook", Receiver.bytes(400, body));

        DeliveryOutcome outcome = deliverTo(receiver.url("/hook"));

        assertThat(outcome.responseSnippet()).isEqualTo("\uFFFD" + "a".repeat(DeliveryOutcome.MAX_SNIPPET - 2));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutOnTime() throws Exception {
        CompletableFuture<Void> abandoned = new CompletableFuture<>();
        RawReceiver.Behaviour hang = socket -> {
            RawReceiver.readHead(socket.getInputStream());
            RawReceiver.awaitClose(socket, abandoned);
        };
        try (RawReceiver hanging = new RawReceiver(hang);
             HttpWebhookTransport oneSecond = HttpWebhookTransportTest.loopbackTransport(Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            DeliveryOutcome outcome = oneSecond.deliver(EVENT, hanging.url(), SECRETS, ATTEMPT);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.timedOut()).isTrue();
            assertThat(outcome.statusCode()).isEmpty();
            assertThat(outcome.error()).isEqualTo("timed out after 1 s");
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
            assertThat(abandoned).succeedsWithin(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReceiverThatTricklesItsBodyIsCutOffAtTheTimeout() throws Exception {
        CompletableFuture<Void> abandoned = new CompletableFuture<>();
        RawReceiver.Behaviour trickle = socket -> {
            RawReceiver.readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.ofVirtual().start(() -> RawReceiver.awaitClose(socket, abandoned));
            for (int i = 0; i < 100; i++) {
                out.write('.');
                out.flush();
                Thread.sleep(1000);
            }
        };
        try (RawReceiver trickling = new RawReceiver(trickle);
             HttpWebhookTransport twoSeconds = HttpWebhookTransportTest.loopbackTransport(Duration.ofSeconds(2))) {
            long start = System.nanoTime();
            DeliveryOutcome outcome = twoSeconds.deliver(EVENT, trickling.url(), SECRETS, ATTEMPT);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
            // The status line came in time, so it is the receiver's answer; the snippet is what arrived.
            assertThat(outcome.statusCode()).contains(200);
            assertThat(outcome.responseSnippet()).matches("\\.{1,3}");
            assertThat(abandoned).succeedsWithin(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void aResetConnectionIsAFailureNotAnException() throws Exception {
        RawReceiver.Behaviour reset = socket -> {
            RawReceiver.readHead(socket.getInputStream());
            socket.setSoLinger(true, 0);
            socket.close();
        };
        try (RawReceiver resetting = new RawReceiver(reset)) {
            DeliveryOutcome outcome = deliverTo(resetting.url());

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.statusCode()).isEmpty();
            assertThat(outcome.timedOut()).isFalse();
            assertThat(outcome.error()).isIn("connection reset", "connection closed without an answer");
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        DeliveryOutcome outcome = deliverTo("http://127.0.0.1:" + port + "/hook");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.statusCode()).isEmpty();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.error()).isEqualTo("connection refused");
    }
}
