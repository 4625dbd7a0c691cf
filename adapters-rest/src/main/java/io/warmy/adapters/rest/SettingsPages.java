package io.warmy.adapters.rest;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings pages at {@code /settings}: one HTML page and its scripts and styles, static files
 * of this module served without authentication. The page holds no data of its own: signed in with
 * an admin key pasted into it, its scripts call the public API under {@value RestApi#BASE_PATH}
 * like any other client, so nothing here reaches past the API. The Content-Security-Policy allows
 * this server's files only: no inline script or style, nothing from elsewhere.
 */
final class SettingsPages implements HttpService {

    private static final String PAGES = "/io/warmy/adapters/rest/settings/";
    private static final Pattern ASSET = Pattern.compile("[a-z0-9-]+\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "html", "text/html; charset=utf-8");
    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private final ClassPathFiles files = new ClassPathFiles();

    @Override
    public void routing(HttpRules rules) {
        rules.get("/settings", (req, res) -> send(req, res, "index.html"))
                .get("/settings/", (req, res) -> send(req, res, "index.html"))
                .get("/settings/{file}", this::asset);
    }

    private void asset(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        if (!ASSET.matcher(file).matches()) {
            throw HttpProblem.noRoute("GET", req.prologue().uriPath().rawPath());
        }
        send(req, res, file);
    }

    private void send(ServerRequest req, ServerResponse res, String file) {
        byte[] body = files.get(PAGES + file)
                .orElseThrow(() -> HttpProblem.noRoute("GET", req.prologue().uriPath().rawPath()));
        String extension = file.substring(file.lastIndexOf('.') + 1);
        res.header("X-Frame-Options", "DENY");
        // The page never caches (it is the sign-in screen); its files revalidate, so a new version shows at once.
        ClassPathFiles.send(res, body, TYPES.get(extension), extension.equals("html") ? "no-store" : "no-cache", CSP);
    }
}
