package io.warmy.adapters.rest;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API's documentation, without authentication: the OpenAPI 3.1 document at
 * {@code /api/v1/openapi.json} (a reviewed resource of this module, kept true by its conformance
 * test) and a human page at {@code /docs} that renders it with Swagger UI, served from its webjar
 * on the class path: no CDN, and a Content-Security-Policy that allows nothing from elsewhere.
 */
final class ApiDocs implements HttpService {

    static final String DOCUMENT = "/io/warmy/adapters/rest/openapi.json";
    private static final String PAGES = "/io/warmy/adapters/rest/docs/";
    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private static final Pattern ASSET = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9]+)+");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "png", "image/png", "html", "text/html; charset=utf-8",
            "json", "application/json");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; frame-ancestors 'none'";

    private final ClassPathFiles files = new ClassPathFiles();

    @Override
    public void routing(HttpRules rules) {
        rules.get(RestApi.BASE_PATH + "/openapi.json", (req, res) -> send(res, DOCUMENT))
                .get("/docs", (req, res) -> send(res, PAGES + "index.html"))
                .get("/docs/init.js", (req, res) -> send(res, PAGES + "init.js"))
                .get("/docs/assets/{file}", this::asset);
    }

    private void asset(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        if (!ASSET.matcher(file).matches()) {
            throw HttpProblem.noRoute("GET", req.prologue().uriPath().rawPath());
        }
        send(res, SWAGGER_UI + file);
    }

    private void send(ServerResponse res, String resource) {
        byte[] body = files.get(resource)
                .orElseThrow(() -> HttpProblem.noRoute("GET", resource.substring(resource.lastIndexOf('/'))));
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        ClassPathFiles.send(res, body, TYPES.getOrDefault(extension, "application/octet-stream"), "public, max-age=300",
                CSP);
    }

    /** The version of the Swagger UI webjar on the class path, which names its directory. */
    private static String webjarVersion() {
        java.util.Properties pom = new java.util.Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The Swagger UI webjar is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }
}
