package io.warmy.application.tracking.service;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.event.port.in.RecordSignal;
import io.warmy.application.mailbox.service.MailboxUpdates;
import io.warmy.application.tracking.port.in.FollowLinks;
import io.warmy.application.tracking.port.in.MintLinks;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.tracking.OpenClassifier;
import io.warmy.domain.tracking.TrackedLink;
import io.warmy.domain.tracking.TrackingTokens;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Warmy as the tracker: mints signed links for campaign emails and turns followed links into the
 * same signals the gRPC ingest API records (opens, clicks, unsubscribes).
 */
public final class TrackingService implements MintLinks, FollowLinks {

    private static final System.Logger LOG = System.getLogger(TrackingService.class.getName());

    private final TrackingTokens tokens;
    private final Supplier<String> baseUrl;
    private final MailboxUpdates mailboxes;
    private final RecordSignal signals;
    private final Clock clock;

    /**
     * @param baseUrl the public base URL of the tracking routes, e.g. {@code https://t.warmy.example}
     *                (asked for at each mint: a server knows its own address only once it listens)
     */
    public TrackingService(TrackingTokens tokens, Supplier<String> baseUrl, MailboxUpdates mailboxes,
                           RecordSignal signals, Clock clock) {
        this.tokens = tokens;
        this.baseUrl = () -> {
            String url = baseUrl.get();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        };
        this.mailboxes = mailboxes;
        this.signals = signals;
        this.clock = clock;
    }

    @Override
    public Links mint(Command c) {
        Mailbox mailbox = mailboxes.load(c.tenant(), c.mailboxId());
        Instant now = clock.now();
        String base = baseUrl.get();
        String pixel = base + "/t/o/" + tokens.mint(link(TrackedLink.Kind.OPEN, c, mailbox, now, null));
        var tracked = c.urls().stream().map(url -> new TrackedUrl(url,
                base + "/t/c/" + tokens.mint(link(TrackedLink.Kind.CLICK, c, mailbox, now, url)))).toList();
        String unsubscribe = base + "/u/" + tokens.mint(link(TrackedLink.Kind.UNSUBSCRIBE, c, mailbox, now, null));
        return new Links(pixel, tracked, unsubscribe, "<" + unsubscribe + ">", "List-Unsubscribe=One-Click");
    }

    private static TrackedLink link(TrackedLink.Kind kind, Command c, Mailbox mailbox, Instant now, String url) {
        return new TrackedLink(kind, c.tenant(), c.prospectId(), c.prospectEmail(), c.campaignId(), mailbox.id(),
                c.stepIndex(), now, url);
    }

    @Override
    public boolean open(String token, String userAgent, String remoteAddress) {
        Optional<TrackedLink> link = tokens.read(token).filter(l -> l.kind() == TrackedLink.Kind.OPEN);
        link.ifPresent(l -> {
            Instant now = clock.now();
            record(new Signal.Open(l.prospectId(), l.prospectEmail(), l.campaignId(), l.mailboxId(), l.stepIndex(), now,
                    OpenClassifier.automated(userAgent, remoteAddress, l.mintedAt(), now)), l);
        });
        return link.isPresent();
    }

    @Override
    public Optional<String> click(String token, String userAgent, String remoteAddress) {
        Optional<TrackedLink> link = tokens.read(token).filter(l -> l.kind() == TrackedLink.Kind.CLICK);
        link.ifPresent(l -> record(new Signal.Click(l.prospectId(), l.prospectEmail(), l.campaignId(), l.mailboxId(),
                l.stepIndex(), l.url(), clock.now()), l));
        return link.map(TrackedLink::url);
    }

    @Override
    public Optional<EmailAddress> unsubscribePage(String token) {
        return tokens.read(token).filter(l -> l.kind() == TrackedLink.Kind.UNSUBSCRIBE).map(TrackedLink::prospectEmail);
    }

    @Override
    public boolean unsubscribe(String token) {
        Optional<TrackedLink> link = tokens.read(token).filter(l -> l.kind() == TrackedLink.Kind.UNSUBSCRIBE);
        // Unlike opens and clicks, an unsubscribe must not be lost: a failure reaches the caller, who can retry.
        link.ifPresent(l -> signals.record(l.tenant(),
                new Signal.Unsubscribe(l.prospectId(), l.prospectEmail(), l.campaignId(), clock.now())));
        return link.isPresent();
    }

    /** Records an open or a click; the recipient's request does not fail or wait on a failure here. */
    private void record(Signal signal, TrackedLink link) {
        try {
            signals.record(link.tenant(), signal);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "tracking " + signal.type().wireName() + " not recorded: " + e.getMessage());
        }
    }
}
