package io.warmy.adapters.rest;

import io.helidon.webserver.WebServer;

/** A running server that serves the REST API alone; closing it stops the server. */
public final class RestServer implements AutoCloseable {

    private final WebServer server;

    RestServer(WebServer server) {
        this.server = server;
    }

    /** The port the server listens on, the one picked when it was started on port 0. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
