package io.warmy.application.testing;

import io.warmy.application.contract.QuotaLedgerContract;

/** The reference in-memory adapter keeps the contract of {@code QuotaLedger}, which also proves the suite itself. */
class InMemoryQuotaLedgerTest extends QuotaLedgerContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
