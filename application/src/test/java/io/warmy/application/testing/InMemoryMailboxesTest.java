package io.warmy.application.testing;

import io.warmy.application.contract.MailboxesContract;

/** The reference in-memory adapter keeps the contract of {@code Mailboxes}, which also proves the suite itself. */
class InMemoryMailboxesTest extends MailboxesContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
