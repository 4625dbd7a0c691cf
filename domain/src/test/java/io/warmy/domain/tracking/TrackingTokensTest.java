package io.warmy.domain.tracking;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingTokensTest {

    private static final Tenant SANDBOX = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.SANDBOX);
    private static final Instant T = Instant.parse("2026-03-20T14:30:00Z");

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) seed);
        return k;
    }

    private static TrackingKeys keys(String... ids) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String id : ids) {
            m.put(id, key(id.hashCode()));
        }
        return new TrackingKeys(m);
    }

    private static TrackedLink click() {
        return new TrackedLink(TrackedLink.Kind.CLICK, SANDBOX, "p-42", new EmailAddress("anna@prospect.example"), "c1",
                new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE"), 2, T, "https://acme.example/pricing?a=1&b=ü");
    }

    @Test
    void aTokenReadsBackAsTheLinkItWasMintedFromWithItsWorkspaceAndMode() {
        TrackingTokens tokens = new TrackingTokens(keys("k1"));
        String token = tokens.mint(click());
        assertThat(token).matches("k1\\.[A-Za-z0-9_-]+");
        assertThat(token).as("the prospect's details are not readable in the link")
                .doesNotContain("anna").doesNotContain(java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("anna@prospect".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(tokens.read(token)).contains(click());
        TrackedLink open = new TrackedLink(TrackedLink.Kind.OPEN, SANDBOX, "p-42", new EmailAddress("anna@prospect.example"),
                "c1", new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE"), 0, T, null);
        assertThat(tokens.read(tokens.mint(open))).contains(open);
    }

    @Test
    void changingAnyCharacterOfATokenMakesItUnreadable() {
        TrackingTokens tokens = new TrackingTokens(keys("k1"));
        String token = tokens.mint(click());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char other = c == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + other + token.substring(i + 1);
            assertThat(tokens.read(tampered)).as("byte %d changed", i).isEmpty();
        }
        assertThat(tokens.read(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(tokens.read(token + "A")).isEmpty();
    }

    @Test
    void aTokenOfAnotherKeyIsRefusedAndRotationKeepsOldLinksWorking() {
        String old = new TrackingTokens(keys("k1")).mint(click());
        assertThat(new TrackingTokens(keys("k9")).read(old)).isEmpty();
        TrackingTokens rotated = new TrackingTokens(keys("k2", "k1"));
        assertThat(rotated.read(old)).contains(click());
        assertThat(rotated.mint(click())).startsWith("k2.");
        assertThat(new TrackingTokens(keys("k2")).read(old)).as("a retired key no longer verifies").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"''", "x", "k1..", "k1.a.b", "..", "k1.!!!", "k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void garbageIsNotAToken(String token) {
        assertThat(new TrackingTokens(keys("k1")).read(token)).isEmpty();
    }

    @ParameterizedTest(name = "{0} from {1}, {2} s after minting → automated {3}")
    @CsvSource({
            "'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15', 203.0.113.9, 600, false",
            "'Mozilla/5.0', 203.0.113.9, 600, true",
            "'Mozilla/5.0 (Windows NT 10.0) Chrome/120', 17.58.100.1, 600, true",
            "'', 203.0.113.9, 600, true",
            "'Mozilla/5.0 (compatible; Mimecast)', 203.0.113.9, 600, true",
            "'Mozilla/5.0 (Windows NT 10.0; Win64; x64) via ggpht.com GoogleImageProxy', 66.249.84.1, 600, false",
            "'Mozilla/5.0 (Windows NT 10.0) Chrome/120', 203.0.113.9, 3, true",
    })
    void prefetchSignaturesMarkAnOpenAutomated(String userAgent, String address, long seconds, boolean automated) {
        assertThat(OpenClassifier.automated(userAgent, address, T, T.plusSeconds(seconds))).isEqualTo(automated);
    }
}
