package io.warmy.app;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.function.BooleanSupplier;

/**
 * {@code /health} for load balancers and orchestrators: {@code /health/live} answers while the
 * process serves at all; {@code /health} and {@code /health/ready} also need the database.
 */
final class HealthEndpoint implements HttpService {

    private final BooleanSupplier databaseReady;

    HealthEndpoint(BooleanSupplier databaseReady) {
        this.databaseReady = databaseReady;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::ready)
                .get("/ready", this::ready)
                .get("/live", (req, res) -> send(res, Status.OK_200, "{\"status\":\"UP\"}"));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        boolean db = databaseReady.getAsBoolean();
        String state = db ? "UP" : "DOWN";
        send(res, db ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503,
                "{\"status\":\"" + state + "\",\"checks\":[{\"name\":\"database\",\"status\":\"" + state + "\"}]}");
    }

    private static void send(ServerResponse res, Status status, String json) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(json);
    }
}
