package io.warmy.application.tracking.port.in;

import io.warmy.domain.common.EmailAddress;

import java.util.Optional;

/**
 * What happens when a recipient's mail client or browser follows a tracking link. An invalid or
 * altered token is no link at all (empty). Recording never holds up the answer: if the database
 * cannot take the signal, the pixel is still served and the redirect still happens (the signal is
 * then lost, and logged).
 */
public interface FollowLinks {

    /** Records {@code email.opened} (marked automated for prefetches); false for an invalid token. */
    boolean open(String token, String userAgent, String remoteAddress);

    /** Records {@code email.clicked} and answers where to send the browser; empty for an invalid token. */
    Optional<String> click(String token, String userAgent, String remoteAddress);

    /** What the unsubscribe page shows: whose address it is; empty for an invalid token. */
    Optional<EmailAddress> unsubscribePage(String token);

    /** Records {@code email.unsubscribed} and suppresses the address, idempotently; false for an invalid token. */
    boolean unsubscribe(String token);
}
