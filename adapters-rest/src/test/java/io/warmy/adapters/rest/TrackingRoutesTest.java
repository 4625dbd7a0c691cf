package io.warmy.adapters.rest;

import io.warmy.application.common.PageRequest;
import io.warmy.application.tracking.port.in.MintLinks;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links of campaign emails over HTTP, without any API key: the pixel, tracked links and the
 * unsubscribe page, each with a valid token, a tampered one and a token of another kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingRoutesTest {

    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/140.0";
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";
    private static final byte[] GIF = {
            0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, (byte) 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x21, (byte) 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};

    private final ApiFixture api = new ApiFixture();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger prospects = new AtomicInteger();

    @AfterAll
    void stop() {
        http.close();
        api.close();
    }

    @Test
    void aPixelWhoseQueryAMailClientMangledIsStillAGif() {
        Email email = email("mangled@prospect.example");

        ApiFixture.Response r = api.rawGet(pathOf(email.links().pixelUrl()) + "?utm=%zz", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("image/gif");
    }

    @Test
    void pixelIsAnUncachableTransparentGif() {
        Email email = email("pia@prospect.example");

        HttpResponse<byte[]> r = get(pathOf(email.links().pixelUrl()), BROWSER);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).hasSize(43).isEqualTo(GIF);
        assertThat(header(r, "Content-Type")).isEqualTo("image/gif");
        assertThat(header(r, "Cache-Control")).isEqualTo("no-store, no-cache, must-revalidate, max-age=0");
        assertThat(header(r, "Pragma")).isEqualTo("no-cache");
        assertThat(header(r, "Expires")).isEqualTo("0");
    }

    @Test
    void openingTwiceRecordsOneOpenMarkedAutomatedForAPrefetch() {
        Email email = email("otto@prospect.example");

        assertThat(get(pathOf(email.links().pixelUrl()), "Mozilla/5.0").statusCode()).isEqualTo(200);
        assertThat(get(pathOf(email.links().pixelUrl()), BROWSER).statusCode()).isEqualTo(200);

        List<Event> opens = events(email.tenant(), EventType.EMAIL_OPENED);
        assertThat(opens).hasSize(1);
        assertThat(opens.get(0).data()).containsEntry("automated", true)
                .containsEntry("prospectId", email.prospectId());
    }

    @Test
    void clickingTwoLinksTwiceRedirectsEachTimeAndRecordsOneClickPerLink() {
        Email email = email("cleo@prospect.example", "https://acme.example/pricing", "https://acme.example/demo?ref=mail");
        String pricing = pathOf(email.links().trackedUrls().get(0).trackedUrl());
        String demo = pathOf(email.links().trackedUrls().get(1).trackedUrl());

        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> toPricing = get(pricing, BROWSER);
            HttpResponse<byte[]> toDemo = get(demo, BROWSER);

            assertThat(toPricing.statusCode()).isEqualTo(302);
            assertThat(header(toPricing, "Location")).isEqualTo("https://acme.example/pricing");
            assertThat(header(toPricing, "Cache-Control")).isEqualTo("no-store");
            assertThat(header(toPricing, "Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(toDemo.statusCode()).isEqualTo(302);
            assertThat(header(toDemo, "Location")).isEqualTo("https://acme.example/demo?ref=mail");
        }

        List<Event> clicks = events(email.tenant(), EventType.EMAIL_CLICKED);
        assertThat(clicks).hasSize(2);
        assertThat(clicks).extracting(e -> e.data().get("url"))
                .containsExactlyInAnyOrder("https://acme.example/pricing", "https://acme.example/demo?ref=mail");
    }

    @Test
    void tamperedTokenIsANotValidPageAndNeverARedirect() {
        Email email = email("tam@prospect.example", "https://acme.example/pricing");
        String click = pathOf(email.links().trackedUrls().get(0).trackedUrl());
        String unsubscribe = pathOf(email.links().unsubscribeUrl());

        for (String path : List.of(tampered(click), tampered(unsubscribe), "/t/c/not-a-token", "/u/x/y")) {
            HttpResponse<byte[]> r = get(path, BROWSER);

            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Location")).as(path).isEmpty();
            assertPage(r);
            assertThat(text(r)).contains("This link is not valid.");
        }
        HttpResponse<byte[]> post = post(tampered(unsubscribe), "List-Unsubscribe=One-Click");
        assertThat(post.statusCode()).isEqualTo(404);
        assertPage(post);
        HttpResponse<byte[]> pixel = get(tampered(pathOf(email.links().pixelUrl())), BROWSER);
        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.body()).isEqualTo(GIF);

        assertNothingRecorded(email);
    }

    @Test
    void unsubscribePageShowsTheAddressEscapedAndChangesNothing() {
        Email email = email("O'Brien+x@acme.example");

        HttpResponse<byte[]> r = get(pathOf(email.links().unsubscribeUrl()), BROWSER);

        assertThat(r.statusCode()).isEqualTo(200);
        assertPage(r);
        String html = text(r);
        assertThat(html).contains("o&#39;brien+x@acme.example").doesNotContain("o'brien")
                .contains("<form method=\"post\">").contains("Unsubscribe</button>")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("<script");
        assertNothingRecorded(email);
    }

    @Test
    void oneClickPostUnsubscribesOnceAndAnswersTheSameWhenRepeated() {
        Email email = email("o'brien+x@acme.example");
        String path = pathOf(email.links().unsubscribeUrl());

        HttpResponse<byte[]> first = post(path, "List-Unsubscribe=One-Click");
        HttpResponse<byte[]> again = post(path, "");

        for (HttpResponse<byte[]> r : List.of(first, again)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertPage(r);
            assertThat(text(r)).contains("You are unsubscribed");
        }
        assertThat(events(email.tenant(), EventType.EMAIL_UNSUBSCRIBED)).hasSize(1);
        assertThat(events(email.tenant(), EventType.PROSPECT_SUPPRESSED)).hasSize(1);
        assertThat(api.services.suppressions().check(email.tenant(), email.address())).isPresent();
    }

    @Test
    void oversizedUnsubscribeBodyIsRefusedAndUnsubscribesNobody() {
        Email email = email("big@prospect.example");

        HttpResponse<byte[]> r = post(pathOf(email.links().unsubscribeUrl()), "x".repeat(TrackingRoutes.MAX_FORM_BYTES + 1));

        assertThat(r.statusCode()).isEqualTo(413);
        assertPage(r);
        assertThat(api.services.suppressions().check(email.tenant(), email.address())).isEmpty();
    }

    @Test
    void tokenOfAnotherKindOnTheWrongRouteRecordsNothing() {
        Email email = email("kim@prospect.example", "https://acme.example/pricing");
        String clickToken = tokenOf(email.links().trackedUrls().get(0).trackedUrl());
        String pixelToken = tokenOf(email.links().pixelUrl());

        HttpResponse<byte[]> pixel = get("/t/o/" + clickToken, BROWSER);
        HttpResponse<byte[]> page = get("/u/" + clickToken, BROWSER);
        HttpResponse<byte[]> unsubscribe = post("/u/" + clickToken, "List-Unsubscribe=One-Click");
        HttpResponse<byte[]> click = get("/t/c/" + pixelToken, BROWSER);

        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.body()).isEqualTo(GIF);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(unsubscribe.statusCode()).isEqualTo(404);
        assertThat(click.statusCode()).isEqualTo(404);
        assertThat(click.headers().firstValue("Location")).isEmpty();
        assertNothingRecorded(email);
    }

    @Test
    void trackingRoutesNeedNoKeyWhileTheApiStillDoes() {
        Email email = email("nia@prospect.example");

        assertThat(get(pathOf(email.links().unsubscribeUrl()), BROWSER).statusCode()).isEqualTo(200);
        ApiFixture.assertProblem(api.get("/api/v1/mailboxes", null), 401, "missing_api_key", null);
    }

    /** A campaign email to {@code address} with links minted as the sending service mints them. */
    private Email email(String address, String... urls) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String mailboxId = api.connectMailbox(key, "sender" + prospects.incrementAndGet() + "@acme.example", "google");
        Tenant tenant = api.tenantOf(key);
        String prospectId = "prs_" + prospects.get();
        EmailAddress to = new EmailAddress(address);
        MintLinks.Links links = api.services.tracking().mint(new MintLinks.Command(tenant, prospectId, to, "cmp_1",
                mailboxId, 0, List.of(urls)));
        return new Email(tenant, prospectId, to, links);
    }

    private record Email(Tenant tenant, String prospectId, EmailAddress address, MintLinks.Links links) {
    }

    /** No tracking event of any kind, and the address is not suppressed. */
    private void assertNothingRecorded(Email email) {
        for (EventType type : List.of(EventType.EMAIL_OPENED, EventType.EMAIL_CLICKED, EventType.EMAIL_UNSUBSCRIBED,
                EventType.PROSPECT_SUPPRESSED)) {
            assertThat(events(email.tenant(), type)).as(type.wireName()).isEmpty();
        }
        assertThat(api.services.suppressions().check(email.tenant(), email.address())).isEmpty();
    }

    private List<Event> events(Tenant tenant, EventType type) {
        return api.services.signals().list(tenant, new EventQuery(type, null, null), PageRequest.first(10)).items();
    }

    /** The minted URL's path on the server under test (minted URLs name the public tracking host). */
    private static String pathOf(String url) {
        return URI.create(url).getRawPath();
    }

    private static String tokenOf(String url) {
        String path = pathOf(url);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The path with one character of the token's signed payload changed. */
    private static String tampered(String path) {
        int at = path.lastIndexOf('/') + 1 + tokenOf(path).indexOf('.') + 3;
        char changed = path.charAt(at) == 'A' ? 'B' : 'A';
        return path.substring(0, at) + changed + path.substring(at + 1);
    }

    private static void assertPage(HttpResponse<byte[]> r) {
        assertThat(header(r, "Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(r, "Content-Security-Policy")).isEqualTo(PAGE_POLICY);
        assertThat(text(r)).startsWith("<!doctype html>");
    }

    private HttpResponse<byte[]> get(String path, String userAgent) {
        return send(HttpRequest.newBuilder(api.uri(path)).header("User-Agent", userAgent).GET());
    }

    private HttpResponse<byte[]> post(String path, String form) {
        return send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
