package io.warmy.adapters.rest;

import io.warmy.adapters.rest.ApiFixture.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /settings pages over a real socket: the page and every file it loads (scripts following
 * their imports) come from this server with a strict Content-Security-Policy, nothing inline, and
 * nothing else of the class path is served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsPagesTest {

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void thePageIsServedAtBothAddressesWithStrictHeadersAndNeverCached() {
        for (String path : new String[] {"/settings", "/settings/"}) {
            Response page = api.get(path, null);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self';")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.body()).contains("<title>Warmy settings</title>", "<dialog");
        }
    }

    @Test
    void everyFileThePageLoadsIsServedFromHereAndNothingIsInline() {
        String page = api.get("/settings", null).body();
        assertThat(page).doesNotContain("http://", "https://", "style=", " onclick=", "<style");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page).find()).as("inline script").isFalse();

        Set<String> seen = new LinkedHashSet<>();
        Matcher links = Pattern.compile("(?:src|href)=\"(/settings/[^\"]+)\"").matcher(page);
        while (links.find()) {
            follow(links.group(1), seen);
        }
        assertThat(seen).contains("/settings/app.js", "/settings/app.css", "/settings/api.js", "/settings/ui.js",
                "/settings/keys.js", "/settings/webhooks.js", "/settings/mailboxes.js", "/settings/chart.js");
    }

    /** Fetches a file and, for a script, the modules it imports: each must be here, typed right. */
    private void follow(String path, Set<String> seen) {
        if (!seen.add(path)) {
            return;
        }
        Response file = api.get(path, null);
        assertThat(file.status()).as(path).isEqualTo(200);
        String expected = path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css" : "image/svg+xml";
        assertThat(file.contentType()).as(path).startsWith(expected);
        assertThat(file.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(file.header("Content-Security-Policy")).as(path).startsWith("default-src 'self';");
        if (path.endsWith(".js")) {
            // Addresses elsewhere only as names (the SVG namespace, a placeholder), never loaded.
            String code = file.body().replace("'http://www.w3.org/2000/svg'", "")
                    .replace("placeholder: 'https://example.com/hooks/warmy'", "");
            for (String banned : new String[] {"http://", "https://", "eval(", "innerHTML", "console.log", "localStorage"}) {
                assertThat(code.contains(banned)).as(path + " contains " + banned).isFalse();
            }
            Matcher imports = Pattern.compile("from '\\./([a-z0-9-]+\\.js)'").matcher(file.body());
            while (imports.find()) {
                follow("/settings/" + imports.group(1), seen);
            }
        }
    }

    @Test
    void theScriptsTalkOnlyToThePublicApi() {
        String api = this.api.get("/settings/api.js", null).body();
        assertThat(api).contains("const BASE = '/api/v1';", "sessionStorage");
        assertThat(api).doesNotContain("localStorage", "document.cookie");
    }

    @Test
    void nothingElseOfTheClassPathIsServed() {
        assertProblem(api.get("/settings/nope.js", null), 404, "route_not_found", null);
        assertProblem(api.get("/settings/index.html", null), 404, "route_not_found", null);
        assertProblem(api.get("/settings/..%2Fopenapi.json", null), 404, "route_not_found", null);
        assertProblem(api.get("/settings/app.js%00.css", null), 404, "route_not_found", null);
        assertProblem(api.get("/settings/App.js", null), 404, "route_not_found", null);
        assertProblem(api.get("/settings/sub/app.js", null), 404, "route_not_found", null);
        assertProblem(api.get("/settings/openapi.json", null), 404, "route_not_found", null);
    }
}
