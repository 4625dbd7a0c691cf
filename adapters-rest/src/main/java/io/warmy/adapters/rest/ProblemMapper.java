package io.warmy.adapters.rest;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.common.port.out.StoreUnavailableException;
import io.warmy.domain.common.AccessDeniedException;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.common.UnauthenticatedException;

import java.util.Map;

/**
 * The one place where a failure becomes an HTTP answer: the domain's exceptions, the adapter's own
 * {@link HttpProblem}s, the router's "no such route", and anything unexpected, which is logged with
 * its request id and answered as a 500 that shows nothing of the server's insides.
 */
final class ProblemMapper implements ErrorHandler<Throwable> {

    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());

    private final Json json;

    ProblemMapper(Json json) {
        this.json = json;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, Throwable failure) {
        String requestId = RequestIds.of(req);
        Problem problem = map(failure, req);
        if (problem.status() == 503) {
            LOG.log(System.Logger.Level.WARNING, "Request " + requestId + " answered 503: " + failure.getMessage());
        } else if (problem.status() >= 500) {
            LOG.log(System.Logger.Level.ERROR, "Request " + requestId + " (" + req.prologue().method().text() + " "
                    + req.prologue().uriPath().rawPath() + ") failed", failure);
        }
        send(req, res, problem, requestId);
    }

    static Problem map(Throwable failure, ServerRequest req) {
        return switch (failure) {
            case HttpProblem p -> new Problem(p.status(), p.code(), p.getMessage(), p.field(), p.headers());
            case InvalidValueException e -> new Problem(422, e.code(), e.getMessage(), e.field(), Map.of());
            case MalformedException e -> new Problem(400, e.code(), e.getMessage(), e.field(), Map.of());
            case NotFoundException e -> Problem.of(404, e.code(), e.getMessage());
            case ConflictException e -> Problem.of(409, e.code(), e.getMessage());
            case AccessDeniedException e -> Problem.of(403, e.code(), e.getMessage());
            case UnauthenticatedException e -> new Problem(401, e.code(), e.getMessage(), null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"warmy\""));
            case io.helidon.http.NotFoundException e -> {
                req.context().register(RequestIds.UNMATCHED_KEY, Boolean.TRUE);
                HttpProblem p = HttpProblem.noRoute(req.prologue().method().text(), req.prologue().uriPath().rawPath());
                yield Problem.of(p.status(), p.code(), p.getMessage());
            }
            case HttpException e when e.status().code() < 500 -> Problem.ofStatus(e.status().code());
            case StoreUnavailableException e -> new Problem(503, "service_unavailable",
                    "The service cannot reach its database right now; nothing was changed. Retry in a few seconds.",
                    null, Map.of("Retry-After", "5"));
            default -> Problem.internal();
        };
    }

    void send(ServerResponse res, Problem problem, String requestId) {
        send(null, res, problem, requestId);
    }

    private void send(ServerRequest req, ServerResponse res, Problem problem, String requestId) {
        res.status(Status.create(problem.status()));
        res.header(RequestIds.HEADER, requestId);
        if (req != null) {
            RateLimitHeaders.applyAgain(req, res);
        }
        res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        problem.headers().forEach(res::header);
        if (problem.status() == 413) {
            // Whatever is left of an oversized body is not worth reading: close instead of draining it.
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        res.send(json.write(problem.toJson(requestId)));
    }
}
