package io.warmy.adapters.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receiver that speaks raw TCP, for the misbehaviour an HTTP server library will not produce:
 * hanging after accepting, trickling a body, resetting the connection.
 */
final class RawReceiver implements AutoCloseable {

    /** What to do with one accepted connection. */
    @FunctionalInterface
    interface Behaviour {
        void on(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    RawReceiver(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.add(socket);
                    Thread.ofVirtual().start(() -> {
                        try {
                            behaviour.on(socket);
                        } catch (Exception e) {
                            // The client going away mid-answer is what several tests provoke.
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
    }

    /** Reads the request line and headers, leaving the body unread: the client has sent its request by then. */
    static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    /** Completes {@code closed} once the client has closed its end, reading and discarding whatever it still sends. */
    static void awaitClose(Socket socket, CompletableFuture<Void> closed) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // Discarding the request body: only the end of the stream matters here.
            }
        } catch (IOException e) {
            // A reset is a close too.
        }
        closed.complete(null);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
