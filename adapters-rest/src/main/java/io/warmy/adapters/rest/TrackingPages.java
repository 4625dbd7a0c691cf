package io.warmy.adapters.rest;

import io.warmy.domain.common.EmailAddress;

/**
 * The few HTML pages a recipient sees after following a link of a campaign email. Each is
 * self-contained (inline style, no scripts, images or fonts), so it renders under the strict
 * Content-Security-Policy the tracking routes send and asks nothing of any other server.
 */
final class TrackingPages {

    private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:32em;margin:4em auto;"
            + "padding:0 1em;color:#222}button{font:inherit;padding:.5em 1.5em;cursor:pointer}";

    private TrackingPages() {
    }

    static String notValid() {
        return page("Link not valid", "<p>This link is not valid.</p>");
    }

    /**
     * The form has no action, so it posts back to the very URL the page was loaded from, whatever
     * host or path prefix a proxy in front of the server shows the recipient. Its one field is the
     * RFC 8058 one-click body, so the page and a mail provider send the same request.
     */
    static String confirmUnsubscribe(EmailAddress address) {
        return page("Unsubscribe", "<p>Unsubscribe <strong>" + escape(address.value())
                + "</strong> from these emails?</p>"
                + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    static String unsubscribed() {
        return page("Unsubscribed", "<p>You are unsubscribed. You will not receive these emails any more.</p>");
    }

    static String tooLarge() {
        return page("Request too large", "<p>The request was too large.</p>");
    }

    static String failed() {
        return page("Please try again", "<p>Something went wrong and you are not unsubscribed yet. "
                + "Please try again in a moment.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + title + "</title><style>" + STYLE
                + "</style></head><body>" + body + "</body></html>";
    }

    /** Text and attribute values alike: an address may hold quotes, '&' and, quoted, even '<'. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
