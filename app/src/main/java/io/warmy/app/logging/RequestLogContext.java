package io.warmy.app.logging;

/**
 * The id of the request the current thread is handling, for {@link JsonLogFormatter} to add to
 * every line logged meanwhile. Set and cleared by the access log around each request.
 */
public final class RequestLogContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestLogContext() {
    }

    public static void enter(String requestId) {
        CURRENT.set(requestId);
    }

    public static void leave() {
        CURRENT.remove();
    }

    /** The request id, or null outside a request. */
    public static String current() {
        return CURRENT.get();
    }
}
