package io.warmy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.warmy.adapters.webhook.WebhookVerifier;
import io.warmy.application.common.port.out.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings pages in a real browser (Debian's headless chromium through its chromedriver),
 * against the whole server on the embedded database: a person with only an admin key signs in,
 * manages keys, webhooks (a real receiver on loopback) and mailboxes, and every change is checked
 * again through the REST API. One browser and one server serve the whole class; each page's
 * screenshot lands in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** One request as the loopback receiver saw it. */
    record Received(Map<String, String> headers, byte[] body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> mailboxIds = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger receiverStatus = new java.util.concurrent.atomic.AtomicInteger(200);
    private String simulated;

    private Path dataDir;
    private Path profileDir;
    private HttpServer receiver;
    private Warmy warmy;
    private String admin;
    private ChromeDriverService service;
    private WebDriver browser;
    private WebDriverWait await;

    @BeforeAll
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            int status = receiverStatus.get();
            byte[] answer = (status == 200 ? "ok from the receiver" : "gone for good").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();

        dataDir = Files.createTempDirectory("warmy-settings-data");
        warmy = Warmy.start(new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.empty(), "", "",
                4, dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS), Clock.system());
        admin = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst().secret();
        // More mailboxes than the page shows at once (25), so the list pages with the API's cursor.
        for (int i = 1; i <= 27; i++) {
            HttpResponse<String> created = rest("POST", "/api/v1/mailboxes",
                    "{\"email\":\"seller" + i + "@acme.example\",\"provider\":\"google\",\"displayName\":\"Seller " + i + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            mailboxIds.add(json.readTree(created.body()).get("id").asText());
        }

        // And one with 10 days of warmup reported through the internal gRPC API, for the chart.
        assertThat(Main.run("simulate", "--api-key", admin, "--api-url", base(), "--grpc", "127.0.0.1:" + warmy.grpcPort(),
                "--mailboxes", "1", "--days", "10", "--seed", "7")).isZero();
        simulated = json.readTree(rest("GET", "/api/v1/mailboxes?limit=1", null).body()).get("data").get(0).get("id").asText();
        assertThat(mailboxIds).doesNotContain(simulated);

        profileDir = Files.createTempDirectory("warmy-settings-chromium");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profileDir, "--window-size=1280,900", "--lang=en-US");
        browser = new ChromeDriver(service, options);
        await = new WebDriverWait(browser, WAIT);
        await.ignoring(StaleElementReferenceException.class); // the pages redraw what changed
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (warmy != null) {
            warmy.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        for (Path dir : new Path[] {profileDir, dataDir}) {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @BeforeEach
    void noDialogLeftOpen() {
        if (browser != null && browser.getCurrentUrl().contains("/settings")) {
            ((JavascriptExecutor) browser).executeScript("const d = document.getElementById('confirm'); if (d && d.open) d.close();");
        }
    }

    @Test
    @Order(1)
    void aRefusedKeyIsSaidNextToTheFieldThenAnAdminKeySignsInForTheTabOnlyAndSignsOut() throws Exception {
        browser.get(base() + "/settings");
        WebElement key = await.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        assertThat(browser.findElement(By.cssSelector("label[for='api-key']")).getText()).isEqualTo("Admin API key");
        key.sendKeys("wk_live_" + "x".repeat(32));
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        WebElement error = await.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key-error")));
        assertThat(error.getText()).startsWith("This key was not accepted:");
        assertThat(key.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("main .problem[role='alert']")).getText())
                .contains("Unauthorized (401)");
        screenshot("sign-in");

        key.clear();
        key.sendKeys(admin);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        await.until(ExpectedConditions.textToBe(By.tagName("h1"), "API keys"));
        assertThat(browser.findElement(By.id("workspace")).getText()).contains("default").contains("live");
        assertThat(browser.getCurrentUrl()).endsWith("/settings#/keys").doesNotContain(admin);
        assertThat(sessionKey()).isEqualTo(admin);
        assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.getPageSource()).doesNotContain(admin);

        browser.findElement(By.id("sign-out")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        assertThat(sessionKey()).isNull();
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
    }

    @Test
    @Order(2)
    void aNewKeyIsShownOnceWorksAndIsRevokedAfterConfirmation() throws Exception {
        open("#/keys");
        browser.findElement(By.id("key-name")).sendKeys("CRM sync");
        browser.findElement(By.id("create-key")).click();
        WebElement secret = await.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#key-once input.secret")));
        String issued = secret.getAttribute("value");
        assertThat(issued).startsWith("wk_live_");
        assertThat(browser.findElement(By.id("key-once")).getText()).contains("You will not see this again.");
        assertThat(browser.findElement(By.cssSelector("#key-once button.copy")).getText()).isEqualTo("Copy");
        WebElement row = await.until(d -> rowNamed("#keys", "CRM sync"));
        assertThat(row.getText()).contains(issued.substring(0, 12)).contains("live").contains("never").contains("active");
        screenshot("keys");

        // The key exists and works, seen through the API.
        assertThat(call("GET", "/api/v1/workspace", issued, null).statusCode()).isEqualTo(200);
        JsonNode listed = keyNamed("CRM sync");
        assertThat(listed.get("revokedAt").isNull()).isTrue();
        assertThat(issued).startsWith(listed.get("prefix").asText());

        // Once dismissed, it is nowhere on the page, nor after a reload.
        browser.findElement(By.cssSelector("#key-once button.done")).click();
        await.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#key-once input.secret")));
        browser.navigate().refresh();
        await.until(d -> rowNamed("#keys", "CRM sync"));
        assertThat(browser.getPageSource()).doesNotContain(issued);

        // Revoking asks first: cancel keeps it, confirm revokes it.
        rowNamed("#keys", "CRM sync").findElement(By.cssSelector("button.revoke")).click();
        WebElement dialog = await.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(dialog.getText()).contains("Revoke \"CRM sync\"?");
        dialog.findElement(By.cssSelector("button.confirm-cancel")).click();
        await.until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(call("GET", "/api/v1/workspace", issued, null).statusCode()).isEqualTo(200);

        rowNamed("#keys", "CRM sync").findElement(By.cssSelector("button.revoke")).click();
        await.until(ExpectedConditions.visibilityOf(dialog)).findElement(By.cssSelector("button.confirm-ok")).click();
        await.until(d -> {
            WebElement r = rowNamed("#keys", "CRM sync");
            return r != null && r.getText().contains("revoked") ? r : null;
        });
        assertThat(keyNamed("CRM sync").get("revokedAt").isNull()).isFalse();
        awaitRefused(issued);
    }

    @Test
    @Order(3)
    void aBadUrlIsRefusedInWordsThenAWebhookIsCreatedTestedAndManaged() throws Exception {
        open("#/webhooks");
        WebElement url = await.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-webhook input[name='url']")));
        assertThat(browser.findElement(By.cssSelector("label[for='" + url.getAttribute("id") + "']")).getText())
                .isEqualTo("Endpoint URL");
        assertThat(browser.findElements(By.cssSelector("#new-webhook input.event-type"))).hasSize(12);
        url.sendKeys("ftp://files.example/hooks");
        browser.findElement(By.id("create-webhook")).click();
        WebElement problem = await.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-webhook .problem")));
        HttpResponse<String> refused = rest("POST", "/api/v1/webhooks", "{\"url\":\"ftp://files.example/hooks\",\"events\":[\"*\"]}");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode body = json.readTree(refused.body());
        assertThat(problem.getText()).contains("(422)").contains(body.get("detail").asText());
        String fieldError = browser.findElement(By.id(url.getAttribute("id") + "-error")).getText();
        assertThat(fieldError).isNotBlank();
        assertThat(url.getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("webhook-422");
        assertThat(rest("GET", "/api/v1/webhooks", null).body()).contains("\"data\":[]");

        // Now a good one: the receiver on loopback, two event types picked.
        url.clear();
        url.sendKeys(hookUrl());
        browser.findElement(By.cssSelector("#new-webhook input[name='description']")).sendKeys("Browser test receiver");
        browser.findElement(By.cssSelector("#new-webhook input.all-events")).click();
        for (String type : new String[] {"webhook.test", "email.bounced"}) {
            browser.findElement(By.cssSelector("#new-webhook input.event-type[value='" + type + "']")).click();
        }
        browser.findElement(By.id("create-webhook")).click();
        WebElement secretBox = await.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#webhook-once input.secret")));
        String secret = secretBox.getAttribute("value");
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.findElement(By.id("webhook-once")).getText()).contains("You will not see this again.");
        String hookId = browser.getCurrentUrl().replaceAll(".*#/webhooks/", "");
        JsonNode endpoint = json.readTree(rest("GET", "/api/v1/webhooks/" + hookId, null).body());
        assertThat(endpoint.get("url").asText()).isEqualTo(hookUrl());
        List<String> events = new ArrayList<>();
        endpoint.get("events").forEach(e -> events.add(e.asText()));
        assertThat(events).containsExactlyInAnyOrder("webhook.test", "email.bounced");
        assertThat(browser.findElement(By.id("endpoint-state")).getText()).isEqualTo("enabled");

        // Test: the receiver gets a signed webhook.test, and the page says it was delivered.
        browser.findElement(By.id("send-test")).click();
        WebElement result = await.until(d -> {
            WebElement r = d.findElement(By.id("test-result"));
            return r.getText().startsWith("Test event delivered") ? r : null;
        });
        assertThat(result.getText()).contains("HTTP 200");
        WebElement logged = await.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#delivery-log tbody tr[data-status='succeeded']"));
            return rows.isEmpty() ? null : rows.getFirst();
        });
        assertThat(logged.getText()).contains("webhook.test").contains("Attempt 1").contains("HTTP 200")
                .contains(" ms").contains("ok from the receiver");
        screenshot("webhook");
        assertThat(received).hasSize(1);
        Received test = received.getFirst();
        assertThat(test.headers().get("x-warmy-event-type")).isEqualTo("webhook.test");
        assertThat(WebhookVerifier.verify(test.headers().get("x-warmy-signature"), test.body(), secret, Instant.now(),
                WebhookVerifier.DEFAULT_TOLERANCE)).isEqualTo(WebhookVerifier.Result.VALID);
        assertThat(rest("GET", "/api/v1/webhooks/" + hookId + "/deliveries", null).body())
                .contains("\"status\":\"succeeded\"").contains("\"statusCode\":200");

        // Disable says so, with the reason; enable again.
        browser.findElement(By.id("toggle-enabled")).click();
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoint-state"), "disabled"));
        assertThat(browser.findElement(By.id("endpoint-state")).getText()).contains("Disabled by hand");
        assertThat(json.readTree(rest("GET", "/api/v1/webhooks/" + hookId, null).body()).get("enabled").asBoolean()).isFalse();
        browser.findElement(By.id("toggle-enabled")).click();
        await.until(ExpectedConditions.textToBe(By.id("endpoint-state"), "enabled"));
        assertThat(json.readTree(rest("GET", "/api/v1/webhooks/" + hookId, null).body()).get("enabled").asBoolean()).isTrue();

        // Edit: every event type from now on.
        browser.findElement(By.cssSelector("#edit-webhook input.all-events")).click();
        browser.findElement(By.id("save-webhook")).click();
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#edit-webhook [role='status']"), "Saved."));
        assertThat(json.readTree(rest("GET", "/api/v1/webhooks/" + hookId, null).body()).get("events").toString())
                .isEqualTo("[\"*\"]");

        // A receiver answering 410: the test fails, the endpoint is disabled and says why, and the
        // failed delivery comes back with Retry once the endpoint is enabled again.
        receiverStatus.set(410);
        browser.findElement(By.id("send-test")).click();
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "Test event failed: HTTP 410"));
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoint-state"), "410 Gone"));
        JsonNode gone = json.readTree(rest("GET", "/api/v1/webhooks/" + hookId, null).body());
        assertThat(gone.get("enabled").asBoolean()).isFalse();
        assertThat(gone.get("disabledReason").asText()).isEqualTo("endpoint_gone");
        By failedRow = By.cssSelector("#delivery-log tbody tr[data-status='failed']");
        WebElement failed = await.until(ExpectedConditions.visibilityOfElementLocated(failedRow));
        assertThat(failed.getText()).contains("HTTP 410").contains("gone for good");
        String failedId = failed.getAttribute("data-id");
        receiverStatus.set(200);
        failed.findElement(By.cssSelector("button.retry")).click();
        WebElement conflict = await.until(d -> d.findElement(failedRow).findElement(By.cssSelector(".problem")));
        assertThat(conflict.getText()).contains("(409)").contains("is disabled (endpoint_gone)");
        browser.findElement(By.id("toggle-enabled")).click();
        await.until(ExpectedConditions.textToBe(By.id("endpoint-state"), "enabled"));
        browser.findElement(failedRow).findElement(By.cssSelector("button.retry")).click();
        By retried = By.cssSelector("#delivery-log tbody tr[data-id='" + failedId + "']");
        await.until(ExpectedConditions.attributeToBe(retried, "data-status", "succeeded"));
        assertThat(browser.findElement(retried).getText()).contains("Attempt 2").contains("HTTP 200");
        assertThat(rest("GET", "/api/v1/webhooks/" + hookId + "/deliveries?status=failed", null).body()).contains("\"data\":[]");

        // Rotate: a new secret, shown once, that signs the next test.
        browser.findElement(By.id("rotate-secret")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#confirm button.confirm-ok"))).click();
        String rotated = await.until(d -> {
            String value = d.findElement(By.cssSelector("#webhook-once input.secret")).getAttribute("value");
            return value.equals(secret) ? null : value;
        });
        assertThat(rotated).startsWith("whsec_");

        // Delete, after confirmation: gone from the API too.
        browser.findElement(By.id("delete-webhook")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#confirm button.confirm-ok"))).click();
        await.until(ExpectedConditions.textToBe(By.tagName("h1"), "Webhooks"));
        assertThat(rest("GET", "/api/v1/webhooks/" + hookId, null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void mailboxesPageWithCursorsShowHealthPauseAndResumeAndDrawTheirLast30Days() throws Exception {
        open("#/mailboxes");
        int total = mailboxIds.size() + 1;
        await.until(d -> d.findElements(By.cssSelector("#mailboxes tbody tr")).size() == 25 ? true : null);
        WebElement more = browser.findElement(By.cssSelector("button.more"));
        assertThat(more.isDisplayed()).isTrue();
        more.click();
        await.until(d -> d.findElements(By.cssSelector("#mailboxes tbody tr")).size() == total ? true : null);
        await.until(ExpectedConditions.invisibilityOf(more));
        // Each row's health band, read from the API per mailbox.
        await.until(d -> d.findElements(By.cssSelector("#mailboxes td.health .badge")).size() == total ? true : null);
        String band = json.readTree(rest("GET", "/api/v1/mailboxes/" + simulated + "/health", null).body()).get("status").asText();
        assertThat(band).isNotEqualTo("insufficient_data");
        assertThat(browser.findElement(By.cssSelector("#mailboxes tr[data-id='" + simulated + "'] td.health")).getText())
                .startsWith(band + " (");
        assertThat(browser.findElement(By.cssSelector("#mailboxes tr[data-id='" + mailboxIds.getFirst() + "'] td.health"))
                .getText()).isEqualTo("not enough data yet");

        String first = mailboxIds.getFirst();
        By row = By.cssSelector("#mailboxes tr[data-id='" + first + "']");
        assertThat(browser.findElement(row).getText()).contains("seller1@acme.example").contains("active");
        browser.findElement(row).findElement(By.cssSelector("button.pause")).click();
        await.until(ExpectedConditions.attributeToBe(row, "data-warmup", "paused"));
        assertThat(browser.findElement(row).findElement(By.cssSelector("button.resume")).getText()).isEqualTo("Resume");
        assertThat(json.readTree(rest("GET", "/api/v1/mailboxes/" + first + "/warmup", null).body()).get("status").asText())
                .isEqualTo("paused");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("mailboxes");

        // Its page: warmup, health and the chart of the last 30 days.
        browser.findElement(row).findElement(By.linkText("Stats")).click();
        await.until(ExpectedConditions.textToBe(By.tagName("h1"), "Mailbox seller1@acme.example"));
        WebElement empty = await.until(ExpectedConditions.presenceOfElementLocated(By.id("stats-chart")));
        assertThat(empty.findElements(By.cssSelector("g.day"))).hasSize(30);
        assertThat(browser.findElement(By.id("stats")).getText()).contains("0 sent, 0 in the inbox, 0 in spam");
        assertThat(browser.findElement(By.id("warmup")).getText()).contains("paused");

        // The simulated mailbox's chart: one group of bars a day, as tall as the API's numbers.
        browser.get(base() + "/settings#/mailboxes/" + simulated);
        WebElement chart = await.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg#stats-chart")));
        JsonNode stats = json.readTree(rest("GET", "/api/v1/mailboxes/" + simulated + "/stats?from="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(29) + "&to="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC), null).body());
        JsonNode totals = stats.get("totals");
        assertThat(totals.get("sent").asInt()).isPositive();
        assertThat(browser.findElement(By.id("stats")).getText()).contains(totals.get("sent").asInt() + " sent, "
                + totals.get("inbox").asInt() + " in the inbox, " + totals.get("spam").asInt() + " in spam");
        List<WebElement> days = chart.findElements(By.cssSelector("g.day"));
        assertThat(days).hasSize(30);
        int busiest = 0;
        for (int i = 0; i < 30; i++) {
            if (stats.get("daily").get(i).get("sent").asInt() > stats.get("daily").get(busiest).get("sent").asInt()) {
                busiest = i;
            }
        }
        double tallest = Double.parseDouble(days.get(busiest).findElement(By.cssSelector("rect.sent")).getAttribute("height"));
        for (int i = 0; i < 30; i++) {
            double height = Double.parseDouble(days.get(i).findElement(By.cssSelector("rect.sent")).getAttribute("height"));
            assertThat(height).as("day %d", i).isLessThanOrEqualTo(tallest);
            assertThat(height > 0).as("day %d drawn", i).isEqualTo(stats.get("daily").get(i).get("sent").asInt() > 0);
        }
        screenshot("mailbox");

        browser.navigate().back();
        await.until(ExpectedConditions.textToBe(By.tagName("h1"), "Mailbox seller1@acme.example"));
        browser.findElement(By.id("toggle-warmup")).click();
        await.until(ExpectedConditions.textToBe(By.id("toggle-warmup"), "Pause warmup"));
        assertThat(json.readTree(rest("GET", "/api/v1/mailboxes/" + first + "/warmup", null).body()).get("status").asText())
                .isEqualTo("active");
    }

    @Test
    @Order(5)
    void aKeyRevokedElsewhereSignsThePageOutWithTheReason() throws Exception {
        JsonNode issued = json.readTree(rest("POST", "/api/v1/api-keys", "{\"name\":\"short-lived admin\",\"admin\":true}").body());
        String key = issued.get("key").asText();
        browser.get(base() + "/settings#/keys");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        signIn(key);
        await.until(ExpectedConditions.textToBe(By.tagName("h1"), "API keys"));
        assertThat(rest("DELETE", "/api/v1/api-keys/" + issued.get("id").asText(), null).statusCode()).isEqualTo(200);
        awaitRefused(key);

        browser.findElement(By.cssSelector("#nav a[data-section='webhooks']")).click();
        WebElement reason = await.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem")));
        assertThat(reason.getText()).startsWith("The API refused the key:");
        assertThat(browser.findElement(By.id("api-key")).isDisplayed()).isTrue();
        assertThat(sessionKey()).isNull();
    }

    // --- helpers ---

    private String base() {
        return "http://127.0.0.1:" + warmy.httpPort();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    /** Opens a section, signing in with the admin key when the tab has none. */
    private void open(String hash) {
        browser.get(base() + "/settings" + hash);
        await.until(d -> !d.findElements(By.id("api-key")).isEmpty() || !d.findElements(By.cssSelector(".view h1")).isEmpty());
        if (!browser.findElements(By.id("api-key")).isEmpty()) {
            signIn(admin);
        }
        await.until(d -> d.findElement(By.cssSelector(".view h1")));
    }

    private void signIn(String key) {
        WebElement input = await.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        input.sendKeys(key);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        await.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    /** A revoked key is refused everywhere within 5 s (each node trusts what it read for 2 s). */
    private void awaitRefused(String key) {
        new FluentWait<>(key).withTimeout(Duration.ofSeconds(6)).pollingEvery(Duration.ofMillis(100))
                .until(k -> {
                    try {
                        return call("GET", "/api/v1/workspace", k, null).statusCode() == 401;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private Object sessionKey() {
        return ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('warmy.settings.key')");
    }

    private WebElement rowNamed(String table, String name) {
        for (WebElement row : browser.findElements(By.cssSelector(table + " tbody tr"))) {
            if (row.findElement(By.cssSelector("td")).getText().equals(name)) {
                return row;
            }
        }
        return null;
    }

    private JsonNode keyNamed(String name) throws Exception {
        for (JsonNode key : json.readTree(rest("GET", "/api/v1/api-keys?limit=100", null).body()).get("data")) {
            if (key.get("name").asText().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("no key named " + name);
    }

    /** Saves the whole page (the window grown to its height for the moment) as target/screenshots/{name}.png. */
    private void screenshot(String name) throws IOException {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.min(Math.max(900, height.intValue() + 20), 2400)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    private HttpResponse<String> rest(String method, String path, String body) throws Exception {
        return call(method, path, admin, body);
    }

    private HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
