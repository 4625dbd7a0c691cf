package io.warmy.adapters.webhook;

import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.webhook.DeliveryOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a receiver gets: the exact body, every header, and signatures it can check without our code. */
class HttpWebhookTransportTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("an older secret of 32 bytes.....".getBytes(StandardCharsets.US_ASCII));
    static final Instant ATTEMPT = Instant.parse("2026-03-20T14:30:05.678Z");
    static final Event EVENT = sampleEvent();
    static final String EXPECTED_BODY = "{\"type\":\"email.clicked\",\"data\":{\"prospectId\":\"prs_1\",\"prospectEmail\":\"ana@example.com\","
            + "\"campaignId\":\"cmp_1\",\"mailboxId\":\"mbx_1\",\"stepIndex\":2,\"url\":\"https://example.com/café?a=1&b=\\\"2\\\"\","
            + "\"clickedAt\":\"2026-03-20T14:29:59.000Z\"},\"timestamp\":\"2026-03-20T14:30:00.123Z\"}";

    private Receiver receiver;
    private HttpWebhookTransport transport;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver().on("/hook", Receiver.status(200, "thanks"));
        transport = loopbackTransport(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        transport.close();
        receiver.close();
    }

    static HttpWebhookTransport loopbackTransport(Duration timeout) {
        return new HttpWebhookTransport(new HttpWebhookTransport.Settings(timeout, Duration.ofSeconds(2),
                new NetworkUrlPolicy(new NetworkUrlPolicy.Settings(true, false)), "Warmy-Webhooks/1"));
    }

    static Event sampleEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("prospectId", "prs_1");
        data.put("prospectEmail", "ana@example.com");
        data.put("campaignId", "cmp_1");
        data.put("mailboxId", "mbx_1");
        data.put("stepIndex", 2);
        data.put("url", "https://example.com/café?a=1&b=\"2\"");
        data.put("clickedAt", "2026-03-20T14:29:59.000Z");
        return new Event(new EventId("0195b4a2-7c1e-7a3b-9f00-123456789abc"),
                new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.LIVE),
                EventType.EMAIL_CLICKED, data, Instant.parse("2026-03-20T14:30:00.123Z"));
    }

    @Test
    void theBodyIsExactlyTheEnvelopeAndEveryHeaderIsThere() throws Exception {
        DeliveryOutcome outcome = transport.deliver(EVENT, receiver.url("/hook"), List.of(SECRET), ATTEMPT);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.statusCode()).contains(200);
        assertThat(outcome.responseSnippet()).isEqualTo("thanks");
        assertThat(outcome.error()).isNull();
        Receiver.Received got = receiver.next();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo(EXPECTED_BODY);
        assertThat(got.body()).isEqualTo(EXPECTED_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(got.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(got.headers().getFirst("User-Agent")).isEqualTo("Warmy-Webhooks/1");
        assertThat(got.headers().getFirst("X-Warmy-Event-Id")).isEqualTo("0195b4a2-7c1e-7a3b-9f00-123456789abc");
        assertThat(got.headers().getFirst("X-Warmy-Event-Type")).isEqualTo("email.clicked");
        assertThat(got.headers().getFirst("X-Warmy-Timestamp")).isEqualTo("1774017005678");
        assertThat(got.headers().getFirst("X-Warmy-Signature")).startsWith("t=1774017005678,v1=");
        assertThat(got.headers().getFirst("X-WarmySender-Signature")).isEqualTo(got.headers().getFirst("X-Warmy-Signature"));
        assertThat(got.headers().getFirst("webhook-id")).isEqualTo("0195b4a2-7c1e-7a3b-9f00-123456789abc");
        assertThat(got.headers().getFirst("webhook-timestamp")).isEqualTo("1774017005");
        assertThat(got.headers().getFirst("webhook-signature")).startsWith("v1,");
        assertThat(got.headers().get("X-Warmy-Signature")).hasSize(1);
    }

    @Test
    void theWarmySignatureVerifiesWithPlainHmacAndWithOurVerifier() throws Exception {
        transport.deliver(EVENT, receiver.url("/hook"), List.of(SECRET), ATTEMPT);
        Receiver.Received got = receiver.next();

        String header = got.headers().getFirst("X-Warmy-Signature");
        String t = header.substring(2, header.indexOf(','));
        String expected = HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8), concat(t + ".", got.body())));
        assertThat(header).isEqualTo("t=" + t + ",v1=" + expected);
        assertThat(WebhookVerifier.verify(header, got.body(), SECRET, ATTEMPT, WebhookVerifier.DEFAULT_TOLERANCE))
                .isEqualTo(WebhookVerifier.Result.VALID);
        assertThat(WebhookVerifier.verify(header, got.body(), SECRET, ATTEMPT.plus(Duration.ofMinutes(6)), WebhookVerifier.DEFAULT_TOLERANCE))
                .isEqualTo(WebhookVerifier.Result.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void theStandardWebhooksSignatureVerifiesWithPlainHmac() throws Exception {
        transport.deliver(EVENT, receiver.url("/hook"), List.of(SECRET), ATTEMPT);
        Receiver.Received got = receiver.next();

        String id = got.headers().getFirst("webhook-id");
        String seconds = got.headers().getFirst("webhook-timestamp");
        assertThat(got.headers().getFirst("webhook-signature")).isEqualTo("v1," + standardSignature(SECRET, id, seconds, got.body()));
    }

    @Test
    void duringARotationBothFamiliesCarryOneSignaturePerSecretNewestFirst() throws Exception {
        transport.deliver(EVENT, receiver.url("/hook"), List.of(SECRET, OLD_SECRET), ATTEMPT);
        Receiver.Received got = receiver.next();

        byte[] signed = concat(ATTEMPT.toEpochMilli() + ".", got.body());
        assertThat(got.headers().getFirst("X-Warmy-Signature")).isEqualTo("t=" + ATTEMPT.toEpochMilli()
                + ",v1=" + HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8), signed))
                + ",v1=" + HexFormat.of().formatHex(hmac(OLD_SECRET.getBytes(StandardCharsets.UTF_8), signed)));
        String id = EVENT.id().value();
        String seconds = Long.toString(ATTEMPT.getEpochSecond());
        assertThat(got.headers().getFirst("webhook-signature")).isEqualTo("v1," + standardSignature(SECRET, id, seconds, got.body())
                + " v1," + standardSignature(OLD_SECRET, id, seconds, got.body()));
        for (String secret : List.of(SECRET, OLD_SECRET)) {
            assertThat(WebhookVerifier.verify(got.headers().getFirst("X-Warmy-Signature"), got.body(), secret, ATTEMPT,
                    WebhookVerifier.DEFAULT_TOLERANCE)).isEqualTo(WebhookVerifier.Result.VALID);
        }
    }

    @Test
    void aRetrySendsTheSameBytesAndIdUnderFreshSignatures() throws Exception {
        transport.deliver(EVENT, receiver.url("/hook"), List.of(SECRET), ATTEMPT);
        transport.deliver(EVENT, receiver.url("/hook"), List.of(SECRET), ATTEMPT.plus(Duration.ofMinutes(5)));
        Receiver.Received first = receiver.next();
        Receiver.Received retry = receiver.next();

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().getFirst("X-Warmy-Event-Id")).isEqualTo(first.headers().getFirst("X-Warmy-Event-Id"));
        assertThat(retry.headers().getFirst("webhook-id")).isEqualTo(first.headers().getFirst("webhook-id"));
        assertThat(retry.headers().getFirst("X-Warmy-Timestamp")).isEqualTo(Long.toString(ATTEMPT.toEpochMilli() + 300_000));
        assertThat(retry.headers().getFirst("X-Warmy-Signature")).isNotEqualTo(first.headers().getFirst("X-Warmy-Signature"));
        assertThat(retry.headers().getFirst("webhook-signature")).isNotEqualTo(first.headers().getFirst("webhook-signature"));
    }

    @Test
    void anAddressThePolicyRefusesIsNeverConnectedTo() {
        try (HttpWebhookTransport strict = new HttpWebhookTransport(
                HttpWebhookTransport.Settings.defaults(new NetworkUrlPolicy(NetworkUrlPolicy.Settings.PUBLIC_ONLY)))) {
            DeliveryOutcome outcome = strict.deliver(EVENT, receiver.url("/hook"), List.of(SECRET), ATTEMPT);

            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.statusCode()).isEmpty();
            assertThat(outcome.timedOut()).isFalse();
            assertThat(outcome.latency()).isEqualTo(Duration.ZERO);
            assertThat(outcome.error()).startsWith("refused: ").contains("loopback");
        }
        assertThat(receiver.count()).isZero();
    }

    @Test
    void aMalformedSecretFailsTheAttemptWithoutRevealingIt() {
        DeliveryOutcome outcome = transport.deliver(EVENT, receiver.url("/hook"), List.of("whsec_not*base64!"), ATTEMPT);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("a signing secret of the endpoint is malformed");
        assertThat(receiver.count()).isZero();
    }

    @Test
    void theDefaultsAreTenSecondsAndOurUserAgent() {
        HttpWebhookTransport.Settings defaults = HttpWebhookTransport.Settings.defaults(url -> { });
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.userAgent()).isEqualTo("Warmy-Webhooks/1");
    }

    static String standardSignature(String secret, String id, String seconds, byte[] body) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return Base64.getEncoder().encodeToString(hmac(key, concat(id + "." + seconds + ".", body)));
    }

    static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    static byte[] concat(String prefix, byte[] body) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[p.length + body.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(body, 0, out, p.length, body.length);
        return out;
    }
}
