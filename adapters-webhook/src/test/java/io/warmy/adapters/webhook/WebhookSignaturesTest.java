package io.warmy.adapters.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignaturesTest {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theWarmyHeaderIsHexHmacOfTimestampDotBodyKeyedByTheWholeSecret() {
        // Independently computed: hmac.new(b"whsec_test", b'1700000000000.{"a":1}', sha256).hexdigest()
        assertThat(WebhookSignatures.warmyHeader(List.of("whsec_test"), 1_700_000_000_000L, BODY))
                .isEqualTo("t=1700000000000,v1=33284ebef248a1f463f81384bfb39351b857cb4897c654b820611536fa084f1e");
    }

    @Test
    void theReadmesTestVectorHolds() {
        byte[] body = ("{\"type\":\"webhook.test\",\"data\":{\"webhookId\":\"we_01JD4S3K2M9V6QW8XR5T7YB0CE\","
                + "\"timestamp\":\"2023-11-14T22:13:20.000Z\",\"message\":\"hello\"},"
                + "\"timestamp\":\"2023-11-14T22:13:20.000Z\"}").getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignatures.warmyHeader(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                1_700_000_000_000L, body);
        assertThat(header).isEqualTo("t=1700000000000,v1=54739054886ec41b2d2c6ab8ce8797717d2ca9e1c9c0654d59dd099c73bf2f0e");
        assertThat(WebhookVerifier.verify(header, body, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                Instant.ofEpochMilli(1_700_000_000_000L), WebhookVerifier.DEFAULT_TOLERANCE))
                .isEqualTo(WebhookVerifier.Result.VALID);
    }

    @Test
    void theStandardWebhooksHeaderMatchesTheSpecificationsPublishedVector() {
        byte[] payload = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.standardHeader(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, payload))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationBothSecretsSignNewestFirst() {
        String header = WebhookSignatures.warmyHeader(List.of("whsec_new", "whsec_old"), 5L, BODY);
        assertThat(header).matches("t=5,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        Instant at = Instant.ofEpochMilli(5);
        assertThat(WebhookVerifier.verify(header, BODY, "whsec_new", at, Duration.ofMinutes(5))).isEqualTo(WebhookVerifier.Result.VALID);
        assertThat(WebhookVerifier.verify(header, BODY, "whsec_old", at, Duration.ofMinutes(5))).isEqualTo(WebhookVerifier.Result.VALID);
    }

    @Test
    void theVerifierRefusesTamperingOldTimestampsAndGarbage() {
        long t = 1_700_000_000_000L;
        Instant now = Instant.ofEpochMilli(t + 60_000);
        String header = WebhookSignatures.warmyHeader(List.of("whsec_test"), t, BODY);
        Duration fiveMinutes = WebhookVerifier.DEFAULT_TOLERANCE;
        assertThat(WebhookVerifier.verify(header, BODY, "whsec_test", now, fiveMinutes)).isEqualTo(WebhookVerifier.Result.VALID);
        assertThat(WebhookVerifier.verify(header, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), "whsec_test", now, fiveMinutes))
                .isEqualTo(WebhookVerifier.Result.NO_MATCHING_SIGNATURE);
        assertThat(WebhookVerifier.verify(header, BODY, "whsec_other", now, fiveMinutes))
                .isEqualTo(WebhookVerifier.Result.NO_MATCHING_SIGNATURE);
        assertThat(WebhookVerifier.verify(header, BODY, "whsec_test", now.plus(Duration.ofMinutes(6)), fiveMinutes))
                .isEqualTo(WebhookVerifier.Result.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(WebhookVerifier.verify("t=" + t + ",v1=abc", BODY, "whsec_test", now, fiveMinutes))
                .isEqualTo(WebhookVerifier.Result.NO_MATCHING_SIGNATURE);
        assertThat(WebhookVerifier.verify("nonsense", BODY, "whsec_test", now, fiveMinutes))
                .isEqualTo(WebhookVerifier.Result.MALFORMED_HEADER);
        assertThat(WebhookVerifier.verify("t=x,v1=00", BODY, "whsec_test", now, fiveMinutes))
                .isEqualTo(WebhookVerifier.Result.MALFORMED_HEADER);
        assertThat(WebhookVerifier.verify(null, BODY, "whsec_test", now, fiveMinutes))
                .isEqualTo(WebhookVerifier.Result.MALFORMED_HEADER);
    }
}
