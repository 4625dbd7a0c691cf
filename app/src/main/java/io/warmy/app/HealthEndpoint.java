package io.warmy.app;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.warmy.adapters.persistence.PersistenceAdapter.Readiness;

import java.util.function.Supplier;

/**
 * {@code /health} for load balancers and orchestrators: {@code /health/live} answers while the
 * process serves at all; {@code /health} and {@code /health/ready} also need the database to
 * answer and its schema to hold every migration this build knows (none failed).
 */
final class HealthEndpoint implements HttpService {

    private final Supplier<Readiness> readiness;

    HealthEndpoint(Supplier<Readiness> readiness) {
        this.readiness = readiness;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::ready)
                .get("/ready", this::ready)
                .get("/live", (req, res) -> send(res, Status.OK_200, "{\"status\":\"UP\"}"));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        Readiness r = readiness.get();
        send(res, r.ready() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503,
                "{\"status\":\"" + up(r.ready()) + "\",\"checks\":[{\"name\":\"database\",\"status\":\""
                        + up(r.database()) + "\"},{\"name\":\"migrations\",\"status\":\"" + up(r.schema()) + "\"}]}");
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }

    private static void send(ServerResponse res, Status status, String json) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(json);
    }
}
