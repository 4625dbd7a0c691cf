package io.warmy.application.tracking.port.in;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Fields;
import io.warmy.domain.tenancy.Tenant;

import java.util.List;
import java.util.Objects;

/**
 * The links of one campaign email: the open pixel, one tracked URL per link of the message, and
 * the unsubscribe URL with its RFC 8058 headers. Each is a signed token; no row is stored per link.
 */
public interface MintLinks {

    int MAX_URLS = 100;

    record Command(Tenant tenant, String prospectId, EmailAddress prospectEmail, String campaignId, String mailboxId,
                   int stepIndex, List<String> urls) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            prospectId = Fields.id("prospectId", prospectId);
            Objects.requireNonNull(prospectEmail, "prospectEmail");
            campaignId = Fields.id("campaignId", campaignId);
            stepIndex = Fields.stepIndex("stepIndex", stepIndex);
            if (urls.size() > MAX_URLS) {
                throw new io.warmy.domain.common.InvalidValueException("urls", "At most " + MAX_URLS + " urls a message.");
            }
            urls = urls.stream().map(u -> Fields.url("urls", u)).toList();
        }
    }

    /** A link of the message and the tracked URL that stands for it. */
    record TrackedUrl(String url, String trackedUrl) {
    }

    /**
     * @param listUnsubscribe     the {@code List-Unsubscribe} header value
     * @param listUnsubscribePost the {@code List-Unsubscribe-Post} header value ({@code List-Unsubscribe=One-Click})
     */
    record Links(String pixelUrl, List<TrackedUrl> trackedUrls, String unsubscribeUrl, String listUnsubscribe,
                 String listUnsubscribePost) {
    }

    Links mint(Command command);
}
