package io.warmy.bench;

import io.warmy.adapters.webhook.WebhookSignatures;
import io.warmy.domain.event.DedupKey;
import io.warmy.domain.event.EventType;
import io.warmy.domain.health.AuthResult;
import io.warmy.domain.health.Authentication;
import io.warmy.domain.health.Health;
import io.warmy.domain.health.HealthScore;
import io.warmy.domain.warmup.DailyStats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The domain's hot paths (JMH, run by bench/run), each beside the bare JDK work it cannot avoid:
 * the dedup key of a click and its SHA-256, both signature headers of a delivery, and the health
 * score of a 14-day window.
 */
@State(Scope.Benchmark)
public class HotPaths {

    private final String prospect = "p_4242";
    private final String url = "https://acme.example/pricing?utm_source=warmy&utm_campaign=spring";
    private final LocalDate day = LocalDate.parse("2026-03-20");
    private final String keyText = DedupKey.of(EventType.EMAIL_CLICKED, prospect, url, day).value();
    private final String secret = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final byte[] body = ("{\"type\":\"email.clicked\",\"data\":{\"prospectId\":\"p_4242\",\"prospectEmail\":"
            + "\"jane@prospect.example\",\"campaignId\":\"c_77\",\"mailboxId\":\"mbx_01KAT5QW3M7S1Z8XJ9VDQ4B2NC\",\"stepIndex\":2,"
            + "\"url\":\"https://acme.example/pricing?utm_source=warmy&utm_campaign=spring\",\"clickedAt\":"
            + "\"2026-03-20T14:30:00.000Z\"},\"timestamp\":\"2026-03-20T14:30:00.000Z\",\"padding\":\"" + "x".repeat(60) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    private final List<DailyStats> window = window();
    private final Authentication auth = new Authentication(AuthResult.PASS, AuthResult.PASS, AuthResult.FAIL);

    private static List<DailyStats> window() {
        List<DailyStats> days = new ArrayList<>();
        for (int i = 0; i < HealthScore.WINDOW_DAYS; i++) {
            days.add(new DailyStats(LocalDate.parse("2026-03-01").plusDays(i), 40, 34 - i % 3, 3, 1, 1 + i % 2, 1, 4, i % 5 == 0 ? 1 : 0, 0));
        }
        return days;
    }

    @Benchmark
    public String dedupKey() {
        return DedupKey.of(EventType.EMAIL_CLICKED, prospect, url, day).hash();
    }

    @Benchmark
    public String rawSha256() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keyText.getBytes(StandardCharsets.UTF_8)));
    }

    @Benchmark
    public String signatures() {
        return WebhookSignatures.warmyHeader(List.of(secret), 1_774_017_000_000L, body)
                + WebhookSignatures.standardHeader(List.of(secret), "0195b4a2-8f3e-7c1d-9a2b-3c4d5e6f7a8b", 1_774_017_000L, body);
    }

    @Benchmark
    public byte[] rawHmacTwice() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] first = mac.doFinal(body);
        Mac standard = Mac.getInstance("HmacSHA256");
        standard.init(new SecretKeySpec(first, "HmacSHA256"));
        return standard.doFinal(body);
    }

    @Benchmark
    public Health healthScore() {
        return HealthScore.of(window, auth);
    }
}
