package io.warmy.adapters.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.warmy.application.common.port.out.StoreUnavailableException;
import io.warmy.domain.common.AccessDeniedException;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.common.UnauthenticatedException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where a failure becomes a gRPC answer: the domain's exceptions map to status
 * codes, with the field named as the wire names it (snake_case) and the stable code of the REST
 * API; anything unexpected is logged and answered INTERNAL without a word of the server's insides.
 * Unary calls answer it as a status, batch items as a {@code SignalError}.
 */
final class Failures {

    private static final System.Logger LOG = System.getLogger(Failures.class.getName());
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    static final String ERROR_DOMAIN = "warmy.io";

    /**
     * A failure as the wire shows it.
     *
     * @param field  the offending request field in snake_case, or empty
     * @param reason the stable machine code (e.g. {@code mailbox_not_found}), or empty for internal errors
     */
    record Failure(Status.Code code, String message, String field, String reason) {
    }

    private Failures() {
    }

    static Failure of(Throwable failure) {
        return switch (failure) {
            case InvalidValueException e -> invalid(e.field(), e.getMessage(), e.code());
            case MalformedException e -> invalid(e.field(), e.getMessage(), e.code());
            case NotFoundException e -> new Failure(Status.Code.NOT_FOUND, e.getMessage(), "", e.code());
            case ConflictException e -> new Failure(conflict(e.code()), e.getMessage(), "", e.code());
            case AccessDeniedException e -> new Failure(Status.Code.PERMISSION_DENIED, e.getMessage(), "", e.code());
            case UnauthenticatedException e -> new Failure(Status.Code.UNAUTHENTICATED, e.getMessage(), "", e.code());
            case StoreUnavailableException e -> {
                LOG.log(System.Logger.Level.WARNING, "gRPC call answered UNAVAILABLE: " + e.getMessage());
                yield new Failure(Status.Code.UNAVAILABLE,
                        "The service cannot reach its database right now; nothing was changed. Retry shortly.", "",
                        "service_unavailable");
            }
            default -> {
                LOG.log(System.Logger.Level.ERROR, "gRPC call failed unexpectedly", failure);
                yield new Failure(Status.Code.INTERNAL, "Internal error; the server has logged it.", "", "");
            }
        };
    }

    /** The status a unary call answers, with google.rpc.ErrorInfo (the code) and BadRequest (the field) details. */
    static StatusRuntimeException status(Throwable failure) {
        Failure f = of(failure);
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(f.code().value())
                .setMessage(f.message());
        if (!f.reason().isEmpty()) {
            status.addDetails(Any.pack(ErrorInfo.newBuilder().setReason(f.reason()).setDomain(ERROR_DOMAIN).build()));
        }
        if (!f.field().isEmpty()) {
            status.addDetails(Any.pack(BadRequest.newBuilder()
                    .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                            .setField(f.field())
                            .setDescription(f.message()))
                    .build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /**
     * The domain names fields as the REST API spells them ({@code clickedAt}); a gRPC client knows
     * them as {@code clicked_at}, so both the field and the message speak the proto's names.
     */
    private static Failure invalid(String field, String message, String code) {
        if (field == null || field.isEmpty()) {
            return new Failure(Status.Code.INVALID_ARGUMENT, message, "", code);
        }
        String wire = snake(field);
        String described = message == null ? "" : message;
        if (!wire.equals(field)) {
            described = Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(described)
                    .replaceAll(Matcher.quoteReplacement(wire));
        }
        if (!Pattern.compile("\\b" + Pattern.quote(wire) + "\\b").matcher(described).find()) {
            described = wire + ": " + described;
        }
        return new Failure(Status.Code.INVALID_ARGUMENT, described, wire, code);
    }

    /** Clashing with what exists is ALREADY_EXISTS; a lost race is ABORTED (retry); any other state is FAILED_PRECONDITION. */
    private static Status.Code conflict(String code) {
        if (code.contains("_already_") || code.endsWith("_taken")) {
            return Status.Code.ALREADY_EXISTS;
        }
        if (code.equals("concurrent_update")) {
            return Status.Code.ABORTED;
        }
        return Status.Code.FAILED_PRECONDITION;
    }

    static String snake(String field) {
        return CAMEL_HUMP.matcher(field).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
