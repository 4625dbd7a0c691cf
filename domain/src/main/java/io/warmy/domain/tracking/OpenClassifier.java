package io.warmy.domain.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Tells opens that a machine made from opens a person made. Apple Mail Privacy Protection fetches
 * every image on delivery, from Apple's network (17.0.0.0/8) with the bare user agent
 * {@code Mozilla/5.0}; corporate mail scanners and link previewers fetch them too. A pixel fetch is
 * marked automated when its user agent is empty, bare or a known scanner, when it comes from
 * Apple's network, or when it arrives within {@value #PREFETCH_SECONDS} seconds of the link being
 * minted (about when the mail went out). Gmail's and Yahoo's image proxies fetch when the person
 * opens the mail, so they count as people. Automated opens are recorded with
 * {@code automated: true}, not dropped: the receiver decides.
 */
public final class OpenClassifier {

    static final int PREFETCH_SECONDS = 10;
    private static final List<String> PREFETCHERS = List.of("bingpreview", "proofpoint", "mimecast", "barracuda",
            "symantec", "forcepoint", "safelinks", "bot", "crawler", "spider", "curl/", "python-requests", "wget/");

    private OpenClassifier() {
    }

    public static boolean automated(String userAgent, String remoteAddress, Instant mintedAt, Instant openedAt) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (ua.isBlank() || ua.equals("mozilla/5.0") || PREFETCHERS.stream().anyMatch(ua::contains)) {
            return true;
        }
        if (remoteAddress != null && remoteAddress.startsWith("17.")) {
            return true;
        }
        return Duration.between(mintedAt, openedAt).compareTo(Duration.ofSeconds(PREFETCH_SECONDS)) < 0;
    }
}
