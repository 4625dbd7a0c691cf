package io.warmy.domain.tenancy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void liveAndSandboxKeysCarryTheirModeInTheirPrefix() {
        ApiKeySecret live = ApiKeySecret.fromRandom(Mode.LIVE, () -> random.nextInt(256));
        ApiKeySecret test = ApiKeySecret.fromRandom(Mode.SANDBOX, () -> random.nextInt(256));
        assertThat(live.reveal()).matches("wk_live_[0-9A-Za-z]{32}");
        assertThat(test.reveal()).matches("wk_test_[0-9A-Za-z]{32}");
        assertThat(ApiKeySecret.parse(live.reveal()).orElseThrow().mode()).isEqualTo(Mode.LIVE);
        assertThat(ApiKeySecret.parse(test.reveal()).orElseThrow().mode()).isEqualTo(Mode.SANDBOX);
    }

    @Test
    void theSecretIsNeverPrintedOnlyItsPrefix() {
        ApiKeySecret key = ApiKeySecret.fromRandom(Mode.LIVE, () -> random.nextInt(256));
        assertThat(key.toString()).doesNotContain(key.reveal()).startsWith(key.displayPrefix());
        assertThat(key.displayPrefix()).hasSize("wk_live_".length() + 4);
    }

    @Test
    void theHashIsStableHexSha256AndDiffersPerKey() {
        ApiKeySecret a = ApiKeySecret.fromRandom(Mode.LIVE, () -> random.nextInt(256));
        ApiKeySecret b = ApiKeySecret.fromRandom(Mode.LIVE, () -> random.nextInt(256));
        assertThat(a.hash()).matches("[0-9a-f]{64}").isEqualTo(ApiKeySecret.parse(a.reveal()).orElseThrow().hash());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void bytesAboveTheLastWholeAlphabetAreSkippedSoCharactersStayUniform() {
        int[] bytes = {255, 248, 0, 61, 62, 247};
        int[] i = {0};
        ApiKeySecret key = ApiKeySecret.fromRandom(Mode.LIVE, () -> bytes[i[0]++ % bytes.length]);
        assertThat(key.reveal()).startsWith("wk_live_0z0z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wk_live_", "wk_prod_0123456789abcdefghijABCDEFGHIJ01", "wk_live_0123456789abcdefghijABCDEFGHIJ0",
            "wk_live_0123456789abcdefghijABCDEFGHIJ012", "sk_live_0123456789abcdefghijABCDEFGHIJ01",
            "wk_live_0123456789abcdefghij-BCDEFGHIJ01"})
    void anythingNotShapedLikeAKeyIsRejectedBeforeAnyLookup(String raw) {
        assertThat(ApiKeySecret.parse(raw)).isEmpty();
    }
}
