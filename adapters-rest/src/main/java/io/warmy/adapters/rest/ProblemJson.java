package io.warmy.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.http.Status;

import java.util.List;

/** An RFC 9457 problem body with Warmy's extensions: a stable {@code code}, the {@code requestId}, the {@code field} at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemJson(String type, String title, int status, String detail, String code, String requestId, String field,
                   List<FieldError> errors) {

    /** One refused field, in the list form that form libraries can show next to their inputs. */
    record FieldError(String field, String message) {
    }

    static ProblemJson of(Problem p, String requestId) {
        List<FieldError> errors = p.field() == null ? null : List.of(new FieldError(p.field(), p.detail()));
        return new ProblemJson(Problem.TYPE_BASE + p.code(), Status.create(p.status()).reasonPhrase(), p.status(),
                p.detail(), p.code(), requestId, p.field(), errors);
    }
}
