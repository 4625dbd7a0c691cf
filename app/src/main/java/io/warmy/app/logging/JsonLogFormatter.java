package io.warmy.app.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Writes each log record as one line of JSON: {@code timestamp} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code thread}, {@code message}, the {@code requestId} of the request being
 * handled (if any), the fields a record carries as a map parameter (the access log's), and
 * {@code exception} with its stack trace. As a last line of defence, anything shaped like an API
 * key, a webhook secret or a bearer credential is masked before it is written.
 */
public final class JsonLogFormatter extends Formatter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API_KEY = Pattern.compile("\\b(wk_(?:live|test)_)[A-Za-z0-9]{4,}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("\\b(whsec_)[A-Za-z0-9+/=_-]{4,}");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("thread", Thread.currentThread().getName());
        line.put("message", redact(formatMessage(record)));
        String requestId = RequestLogContext.current();
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        Object[] params = record.getParameters();
        if (params != null && params.length == 1 && params[0] instanceof Map<?, ?> fields) {
            fields.forEach((k, v) -> line.put(String.valueOf(k), v instanceof String s ? redact(s) : v));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("exception", redact(trace.toString()));
        }
        try {
            return JSON.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"SEVERE\",\"message\":\"a log record could not be written as JSON\"}"
                    + System.lineSeparator();
        }
    }

    @Override
    public synchronized String formatMessage(LogRecord record) {
        Object[] params = record.getParameters();
        if (params != null && params.length == 1 && params[0] instanceof Map) {
            return record.getMessage(); // the map is fields, not a MessageFormat argument
        }
        return super.formatMessage(record);
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = API_KEY.matcher(text).replaceAll("$1[redacted]");
        masked = WEBHOOK_SECRET.matcher(masked).replaceAll("$1[redacted]");
        return BEARER.matcher(masked).replaceAll("$1[redacted]");
    }
}
