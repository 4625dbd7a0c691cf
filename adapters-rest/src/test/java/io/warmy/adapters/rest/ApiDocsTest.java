package io.warmy.adapters.rest;

import io.warmy.adapters.rest.ApiFixture.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The /docs page: served without a key, every asset it loads comes from this server, nothing else is. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsTest {

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void thePageAndEveryAssetItLoadsAreServedFromHere() {
        Response page = api.get("/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(page.body()).doesNotContain("http://", "https://");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
        int loaded = 0;
        while (assets.find()) {
            Response asset = api.get(assets.group(1), null);
            assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
            String path = assets.group(1);
            String expected = path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css"
                    : path.endsWith(".json") ? "application/json" : "image/png";
            assertThat(asset.contentType()).as(path).startsWith(expected);
            loaded++;
        }
        assertThat(loaded).isGreaterThanOrEqualTo(4);
        assertThat(api.get("/docs/init.js", null).body()).contains("/api/v1/openapi.json");
    }

    @Test
    void nothingElseOfTheClassPathIsServed() {
        assertProblem(api.get("/docs/assets/nope.js", null), 404, "route_not_found", null);
        assertProblem(api.get("/docs/assets/..%2Fopenapi.json", null), 404, "route_not_found", null);
        assertProblem(api.get("/docs/assets/index.html%00.js", null), 404, "route_not_found", null);
    }
}
