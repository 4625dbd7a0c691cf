package io.warmy.adapters.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.domain.common.InvalidValueException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * JSON in and out. Reading is strict, as Stripe's API is: a body must be a JSON object sent as
 * {@code application/json}, at most {@link RestApi#MAX_BODY_BYTES}; unknown fields are refused;
 * a value of the wrong JSON type (a string or a fraction for a whole number, a number for a
 * string) is refused rather than coerced. Every refusal names the field.
 */
final class Json {

    static final String MEDIA_TYPE = "application/json";
    private static final String BODY_KEY = Json.class.getName() + ".body";
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;

    Json() {
        JsonMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        // Only a value of the field's own JSON type is accepted: no "5" for 5, no 1.0 for 1, no 1 for true.
        m.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        this.mapper = m;
    }

    /**
     * Reads a request body into {@code type}, a record whose components are the accepted fields.
     * No body at all reads as {@code {}}, so that required fields are reported by name.
     */
    <T extends Record> T read(ServerRequest req, Class<T> type) {
        byte[] body = body(req);
        if (body.length == 0) {
            return parse(EMPTY_OBJECT, type);
        }
        requireJsonContentType(req);
        return parse(body, type);
    }

    /**
     * The bytes of the request body, empty when there is none; read once (a body can only be read
     * once) and kept on the request, so that whoever needs them first, the idempotency check or
     * the handler, reads them and the other finds them.
     */
    static byte[] body(ServerRequest req) {
        java.util.Optional<byte[]> kept = req.context().get(BODY_KEY, byte[].class);
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] body = new byte[0];
        if (req.content().hasEntity()) {
            OptionalLong declared = req.headers().contentLength();
            if (declared.isPresent() && declared.getAsLong() > RestApi.MAX_BODY_BYTES) {
                throw HttpProblem.payloadTooLarge();
            }
            body = readCapped(req);
        }
        req.context().register(BODY_KEY, body);
        return body;
    }

    /** Answers {@code body} as JSON with {@code status}. */
    void send(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.send(write(body));
    }

    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response of type " + value.getClass().getSimpleName() + " cannot be written", e);
        }
    }

    /** Times on the wire: ISO-8601 in UTC with milliseconds, e.g. {@code 2026-03-20T14:30:00.000Z}. */
    static String time(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    /** Dates on the wire: ISO-8601 calendar dates, e.g. {@code 2026-03-20}. */
    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static void requireJsonContentType(ServerRequest req) {
        String raw = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String[] parts = raw.split(";");
        boolean json = parts[0].strip().equalsIgnoreCase(MEDIA_TYPE);
        for (int i = 1; i < parts.length && json; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param.length > 1 ? param[1].strip().replace("\"", "") : "";
                json = charset.equalsIgnoreCase("utf-8");
            }
        }
        if (!json) {
            throw HttpProblem.unsupportedMediaType(raw.length() > 100 ? raw.substring(0, 100) + "..." : raw);
        }
    }

    /**
     * Reads at most one byte more than allowed, so a body without a declared length cannot exhaust
     * memory. The stream is left to the server, which drains or drops what is left of it.
     */
    private static byte[] readCapped(ServerRequest req) {
        try {
            InputStream in = req.content().inputStream();
            byte[] body = in.readNBytes(Math.toIntExact(RestApi.MAX_BODY_BYTES + 1));
            if (body.length > RestApi.MAX_BODY_BYTES) {
                throw HttpProblem.payloadTooLarge();
            }
            return body;
        } catch (RequestException e) {
            // The server's own payload limit tripped while a chunked body was read.
            if (e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                throw HttpProblem.payloadTooLarge();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the request body failed", e);
        }
    }

    private <T extends Record> T parse(byte[] body, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String accepted = type.getRecordComponents().length == 0 ? "This request takes no fields."
                    : "Accepted fields: " + fieldNames(type) + ".";
            throw new InvalidValueException(e.getPropertyName(), "unknown_field",
                    "Unknown field '" + e.getPropertyName() + "'. " + accepted);
        } catch (DatabindException e) {
            String field = fieldOf(e);
            if (field == null) {
                throw HttpProblem.malformedJson("The request body must be one JSON object.");
            }
            if (!(e instanceof MismatchedInputException)) {
                // A value of the right JSON type that does not fit, such as a whole number beyond 32 bits.
                throw new InvalidValueException(field, field + " is out of range.");
            }
            throw new InvalidValueException(field, field + " must be " + expectedType(type, field) + ".");
        } catch (JsonProcessingException e) {
            throw HttpProblem.malformedJson("The request body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")") + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw HttpProblem.malformedJson("The request body must be one JSON object, not null.");
        }
        return value;
    }

    private static String fieldOf(DatabindException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return null;
        }
        List<JsonMappingException.Reference> path = mapping.getPath();
        return path.stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).findFirst().orElse(null);
    }

    private static String fieldNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }

    private static String expectedType(Class<? extends Record> type, String field) {
        Class<?> component = Arrays.stream(type.getRecordComponents())
                .filter(c -> c.getName().equals(field)).findFirst().map(RecordComponent::getType).orElse(Object.class);
        if (component == Integer.class || component == int.class) {
            return "a whole number";
        }
        if (component == Boolean.class || component == boolean.class) {
            return "true or false";
        }
        if (component == String.class) {
            return "a string";
        }
        if (component == List.class) {
            return "an array of strings";
        }
        return "a value of the documented type";
    }
}
