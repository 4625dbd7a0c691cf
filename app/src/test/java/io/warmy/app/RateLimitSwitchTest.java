package io.warmy.app;

import io.warmy.application.common.port.out.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code WARMY_RATE_LIMITS_ENABLED=false}: nothing is counted or refused, and no header claims a limit. */
class RateLimitSwitchTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSwitchIsOnUnlessSetToFalseAndRefusesOtherWords() {
        assertThat(WarmyConfig.load(Optional.empty(), Map.of()).rateLimits()).isTrue();
        assertThat(WarmyConfig.load(Optional.empty(), Map.of("WARMY_RATE_LIMITS_ENABLED", "false")).rateLimits()).isFalse();
        assertThatThrownBy(() -> WarmyConfig.load(Optional.empty(), Map.of("WARMY_RATE_LIMITS_ENABLED", "off")))
                .hasMessageContaining("WARMY_RATE_LIMITS_ENABLED").hasMessageContaining("'off'");
    }

    @Test
    void withLimitsOffAKeyMakesMoreThanItsHourlyLimitAndSeesNoRateLimitHeaders() throws Exception {
        WarmyConfig config = new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.empty(), "",
                "", 4, dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS, false);
        try (Warmy warmy = Warmy.start(config, Clock.system())) {
            String key = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst().secret();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + "/api/v1/workspace"))
                    .header("Authorization", "Bearer " + key).build();
            for (int i = 1; i <= 1001; i++) {
                HttpResponse<String> answer = http.send(get, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("request %d", i).isEqualTo(200);
                assertThat(answer.headers().firstValue("X-RateLimit-Limit")).isEmpty();
            }
        }
    }
}
