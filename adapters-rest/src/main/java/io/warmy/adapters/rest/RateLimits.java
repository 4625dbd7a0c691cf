package io.warmy.adapters.rest;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.tenancy.port.in.AdmitRequest;
import io.warmy.application.tenancy.port.in.AdmitRequest.Admission;

/**
 * The second gate of {@code /api/v1}, behind {@link Authentication}: counts the request against
 * its key's hourly limit, puts the rate-limit headers on the response whatever it turns out to
 * be, and stops a request over the limit with a 429 that says when to retry.
 */
final class RateLimits implements Handler {

    private final AdmitRequest admit;

    RateLimits(AdmitRequest admit) {
        this.admit = admit;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Admission admission = admit.admit(Authentication.caller(req));
        if (!admission.admitted()) {
            throw HttpProblem.rateLimited(RateLimitHeaders.retryAfterSeconds(admission), RateLimitHeaders.of(admission));
        }
        RateLimitHeaders.apply(admission, res);
        // An error answer is written afresh by the error handler, which puts them back from here.
        req.context().register(RateLimitHeaders.CONTEXT_KEY, admission);
        res.next();
    }
}
