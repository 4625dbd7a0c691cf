package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.warmup.port.in.GetStats;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * {@code /mailboxes/:id/stats?from=&to=}: a mailbox's warmup statistics over a range of UTC days,
 * the last {@value GetStats#DEFAULT_DAYS} by default and at most {@value GetStats#MAX_DAYS}.
 */
final class StatsRoutes implements HttpService {

    /** Exactly YYYY-MM-DD: the ISO parser alone would also take signed years of five or more digits. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final GetStats getStats;
    private final Json json;

    StatsRoutes(GetStats getStats, Json json) {
        this.getStats = getStats;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/stats", this::stats)
                .any("/{id}/stats", ApiRoutes.otherMethods(Method.GET));
    }

    private void stats(ServerRequest req, ServerResponse res) {
        Query query = Query.of(req, "from", "to");
        LocalDate from = query.filter("from", StatsRoutes::date);
        LocalDate to = query.filter("to", StatsRoutes::date);
        GetStats.Stats stats;
        try {
            stats = getStats.stats(Authentication.caller(req).tenant(), req.path().pathParameters().get("id"), from, to);
        } catch (InvalidValueException e) {
            // A range that cannot be served is a malformed query (400) like any other, not a refused value (422).
            throw new MalformedException(e.field(), e.getMessage());
        }
        json.send(res, Status.OK_200, StatsJson.of(stats));
    }

    private static LocalDate date(String raw, String name) {
        if (!DATE.matcher(raw).matches()) {
            throw notADate(name);
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw notADate(name);
        }
    }

    private static MalformedException notADate(String name) {
        return new MalformedException(name, name + " must be a calendar date written YYYY-MM-DD, such as 2026-03-20.");
    }
}
