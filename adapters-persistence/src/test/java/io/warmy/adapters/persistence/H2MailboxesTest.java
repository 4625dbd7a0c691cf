package io.warmy.adapters.persistence;

import io.warmy.application.contract.MailboxesContract;
import io.warmy.application.testing.Store;

/** The contract of {@code Mailboxes}, kept by the adapter on embedded H2. */
class H2MailboxesTest extends MailboxesContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
