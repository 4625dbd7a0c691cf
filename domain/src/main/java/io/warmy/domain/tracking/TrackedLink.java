package io.warmy.domain.tracking;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Fields;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * What a tracking link stands for: who it was sent to, in which campaign, mailbox and step, when
 * it was minted (about when the mail went out), and — for a tracked link — where it leads. The
 * token that carries it is signed, so nothing here can be forged or altered by a recipient.
 */
public record TrackedLink(Kind kind, Tenant tenant, String prospectId, EmailAddress prospectEmail, String campaignId,
                          MailboxId mailboxId, int stepIndex, Instant mintedAt, String url) {

    /** The three kinds of link: the open pixel, a tracked click, the unsubscribe link. */
    public enum Kind {
        OPEN("o"), CLICK("c"), UNSUBSCRIBE("u");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no link kind '" + code + "'");
        }
    }

    public TrackedLink {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenant, "tenant");
        prospectId = Fields.id("prospectId", prospectId);
        Objects.requireNonNull(prospectEmail, "prospectEmail");
        campaignId = Fields.id("campaignId", campaignId);
        Objects.requireNonNull(mailboxId, "mailboxId");
        stepIndex = Fields.stepIndex("stepIndex", stepIndex);
        Objects.requireNonNull(mintedAt, "mintedAt");
        if (kind == Kind.CLICK) {
            url = Fields.url("url", url);
        } else if (url != null) {
            throw new IllegalArgumentException("only a tracked click carries a url");
        }
    }
}
