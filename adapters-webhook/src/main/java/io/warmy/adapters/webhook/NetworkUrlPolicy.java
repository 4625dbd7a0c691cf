package io.warmy.adapters.webhook;

import io.warmy.application.webhook.port.out.EndpointUrlPolicy;
import io.warmy.domain.common.InvalidValueException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Keeps webhooks from reaching into our own network (SPEC §5): a URL must be absolute http(s)
 * with a host and no credentials, and every address its host resolves to must be public.
 * Loopback and private ranges can be allowed by the operator (tests, local development); link-local,
 * cloud metadata, unspecified, multicast and reserved addresses never are. Every address is
 * checked, not just the first, because the HTTP client may connect to any of them.
 */
public final class NetworkUrlPolicy implements EndpointUrlPolicy {

    /** Which otherwise refused ranges the operator allows. */
    public record Settings(boolean allowLoopback, boolean allowPrivate) {

        /** Public addresses only: what production runs with. */
        public static final Settings PUBLIC_ONLY = new Settings(false, false);
    }

    /** Name resolution, replaceable so tests need no DNS. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final int MAX_URL_LENGTH = 2048;
    private static final String FIELD = "url";
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    private final Settings settings;
    private final Resolver resolver;

    public NetworkUrlPolicy(Settings settings) {
        this(settings, InetAddress::getAllByName);
    }

    NetworkUrlPolicy(Settings settings, Resolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public void check(String url) {
        String host = hostOf(url);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            addresses = new InetAddress[0];
        }
        if (addresses == null || addresses.length == 0) {
            throw refused("url's host '" + host + "' cannot be resolved.");
        }
        boolean literal = host.startsWith("[") || IPV4_LITERAL.matcher(host).matches();
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            if (!allows(kind)) {
                // The kind, not the address: naming what an internal name resolves to would map our network for a caller.
                throw refused("url's host '" + host + "' " + (literal ? "is " : "resolves to ") + kind.description()
                        + " address, which webhooks " + (allowable(kind) ? "may not call unless the operator allows "
                        + (kind == AddressKind.LOOPBACK ? "loopback" : "private") + " addresses." : "may never call."));
            }
        }
    }

    /** Checks the shape of the URL and answers its host, as {@link URI#getHost()} gives it. */
    private static String hostOf(String url) {
        if (url == null || url.isBlank()) {
            throw refused("url must not be empty.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw refused("url must be at most " + MAX_URL_LENGTH + " characters long, not " + url.length() + ".");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // The reason alone: the full message would repeat the URL, query secrets and all.
            throw refused("url is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw refused("url must be an absolute http:// or https:// URL.");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("url must not contain a user name or password.");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw refused("url must name a host (a DNS name or an IP address).");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw refused("url's port must be between 1 and 65535.");
        }
        return host;
    }

    private boolean allows(AddressKind kind) {
        return switch (kind) {
            case PUBLIC -> true;
            case LOOPBACK -> settings.allowLoopback();
            case PRIVATE -> settings.allowPrivate();
            default -> false;
        };
    }

    private static boolean allowable(AddressKind kind) {
        return kind == AddressKind.LOOPBACK || kind == AddressKind.PRIVATE;
    }

    private static InvalidValueException refused(String message) {
        return new InvalidValueException(FIELD, message);
    }
}
