package io.warmy.bench;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline of the REST rows: a bare Helidon WebServer, as Warmy's is, answering
 * {@code GET /api/v1/mailboxes/{id}} with the same JSON bytes from memory after comparing the
 * bearer token: the most the HTTP stack can do on this machine, with no database behind it.
 * Prints {@code READY <port>} once it listens.
 */
public final class BareServer {

    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        String expected = "Bearer " + args[1];
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.get("/api/v1/mailboxes/{id}", (req, res) -> {
                    String auth = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
                    if (!auth.equals(expected)) {
                        res.status(Status.UNAUTHORIZED_401).send("{\"status\":401}".getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    res.header(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send(body);
                }))
                .build()
                .start();
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
