package io.warmy.adapters.rest;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.tracking.port.in.FollowLinks;
import io.warmy.domain.common.EmailAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * The links inside campaign emails: the open pixel {@code /t/o/:token}, tracked links
 * {@code /t/c/:token} and the unsubscribe page {@code /u/:token}. Recipients' mail clients and
 * browsers follow them, so there is no API key: the signed token is the whole authority, and an
 * invalid one is answered with a small page (or, for the pixel, the image anyway), never with a
 * problem body or a redirect. Opening the unsubscribe page changes nothing, because link scanners
 * fetch it; only the POST of RFC 8058 one-click or of the page's form unsubscribes.
 */
final class TrackingRoutes implements HttpService {

    /** The 43-byte transparent 1×1 GIF89a. */
    static final byte[] PIXEL = {
            'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0,
            0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            0x21, (byte) 0xf9, 4, 1, 0, 0, 0, 0,
            0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0,
            2, 2, 0x44, 1, 0, 0x3b};

    /** The one-click body is 26 bytes; anything much larger is not a recipient unsubscribing. */
    static final int MAX_FORM_BYTES = 4096;

    private static final System.Logger LOG = System.getLogger(TrackingRoutes.class.getName());
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    private static final HeaderName CONTENT_TYPE_OPTIONS = HeaderNames.create("X-Content-Type-Options");
    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    private static final String HTML = "text/html; charset=utf-8";
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

    private final FollowLinks links;

    TrackingRoutes(FollowLinks links) {
        this.links = links;
    }

    @Override
    public void routing(HttpRules rules) {
        // The rest of the path, so that a mangled link still gets a pixel or a page instead of a JSON 404.
        rules.get("/t/o/{+token}", this::open)
                .get("/t/c/{+token}", this::click)
                .get("/u/{+token}", this::unsubscribePage)
                .post("/u/{+token}", this::unsubscribe);
    }

    private void open(ServerRequest req, ServerResponse res) {
        links.open(token(req), userAgent(req), remoteAddress(req));
        // Caches in between would hide every open after the first, so nothing may keep the image.
        res.header(HeaderNames.CACHE_CONTROL, "no-store, no-cache, must-revalidate, max-age=0")
                .header(HeaderNames.PRAGMA, "no-cache")
                .header(HeaderNames.EXPIRES, "0")
                .header(HeaderNames.CONTENT_TYPE, "image/gif")
                .send(PIXEL);
    }

    private void click(ServerRequest req, ServerResponse res) {
        Optional<String> destination = links.click(token(req), userAgent(req), remoteAddress(req));
        if (destination.isEmpty()) {
            sendPage(res, Status.NOT_FOUND_404, TrackingPages.notValid());
            return;
        }
        // The token in this URL must not reach the destination site as a Referer.
        res.status(Status.FOUND_302)
                .header(HeaderNames.LOCATION, destination.get())
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(REFERRER_POLICY, "no-referrer")
                .send();
    }

    private void unsubscribePage(ServerRequest req, ServerResponse res) {
        Optional<EmailAddress> address = links.unsubscribePage(token(req));
        if (address.isEmpty()) {
            sendPage(res, Status.NOT_FOUND_404, TrackingPages.notValid());
            return;
        }
        sendPage(res, Status.OK_200, TrackingPages.confirmUnsubscribe(address.get()));
    }

    private void unsubscribe(ServerRequest req, ServerResponse res) {
        if (!bodyFits(req)) {
            // The rest of the body is not worth reading: close instead of draining it.
            res.header(HeaderValues.CONNECTION_CLOSE);
            sendPage(res, Status.REQUEST_ENTITY_TOO_LARGE_413, TrackingPages.tooLarge());
            return;
        }
        boolean valid;
        try {
            valid = links.unsubscribe(token(req));
        } catch (RuntimeException e) {
            // A recipient (or a mail provider retrying) gets a page; the failure goes to the log for us.
            LOG.log(System.Logger.Level.ERROR, "Request " + RequestIds.of(req) + " (unsubscribe) failed", e);
            sendPage(res, Status.INTERNAL_SERVER_ERROR_500, TrackingPages.failed());
            return;
        }
        if (valid) {
            sendPage(res, Status.OK_200, TrackingPages.unsubscribed());
        } else {
            sendPage(res, Status.NOT_FOUND_404, TrackingPages.notValid());
        }
    }

    /** Reads and drops the body: its content does not matter (RFC 8058 names it, the token decides). */
    private static boolean bodyFits(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return true;
        }
        try (InputStream in = req.content().inputStream()) {
            return in.readNBytes(MAX_FORM_BYTES + 1).length <= MAX_FORM_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendPage(ServerResponse res, Status status, String html) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, HTML)
                .header(CONTENT_TYPE_OPTIONS, "nosniff")
                .header(CONTENT_SECURITY_POLICY, PAGE_POLICY)
                // The unsubscribe page shows the recipient's address: no cache may keep it.
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(REFERRER_POLICY, "no-referrer")
                .send(html);
    }

    private static String token(ServerRequest req) {
        return req.path().pathParameters().get("token");
    }

    private static String userAgent(ServerRequest req) {
        return req.headers().first(HeaderNames.USER_AGENT).orElse("");
    }

    private static String remoteAddress(ServerRequest req) {
        SocketAddress peer = req.remotePeer().address();
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return "";
    }
}
