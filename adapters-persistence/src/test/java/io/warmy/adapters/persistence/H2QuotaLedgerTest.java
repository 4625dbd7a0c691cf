package io.warmy.adapters.persistence;

import io.warmy.application.contract.QuotaLedgerContract;
import io.warmy.application.testing.Store;

/** The contract of {@code QuotaLedger}, kept by the adapter on embedded H2. */
class H2QuotaLedgerTest extends QuotaLedgerContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
