package io.warmy.application.testing;

import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.application.tenancy.port.out.Workspaces;

/**
 * One implementation of every outbound storage port, sharing one store, as an adapter provides
 * it. The contract suites run against a {@code Store}; an adapter proves itself by handing
 * them its own.
 */
public interface Store {

    Workspaces workspaces();

    ApiKeys apiKeys();

    Mailboxes mailboxes();

    Transactions transactions();
}
