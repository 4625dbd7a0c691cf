package io.warmy.adapters.rest;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files this server serves from its class path (the API document, /docs, /settings): each read
 * once and kept, and answered with its type, its caching, a Content-Security-Policy and the
 * headers every such answer carries.
 */
final class ClassPathFiles {

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    /** The resource's bytes, or empty when the class path has no such resource. */
    Optional<byte[]> get(String resource) {
        return cache.computeIfAbsent(resource, ClassPathFiles::load);
    }

    static void send(ServerResponse res, byte[] body, String contentType, String cacheControl, String csp) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.header(HeaderNames.CACHE_CONTROL, cacheControl);
        res.header("Content-Security-Policy", csp);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("Referrer-Policy", "no-referrer");
        res.send(body);
    }

    private static Optional<byte[]> load(String resource) {
        try (InputStream in = ClassPathFiles.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
