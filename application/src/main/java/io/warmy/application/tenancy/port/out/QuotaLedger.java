package io.warmy.application.tenancy.port.out;

import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.QuotaWindow;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.WorkspaceId;

import java.time.Instant;

/**
 * The cluster-wide ledger of the rate-limit quota handed to server nodes, one key at a time. It is
 * the one place all nodes agree on, so a lease must be atomic per key across every node: two nodes
 * leasing at once for one key see each other's grants.
 */
public interface QuotaLedger {

    /**
     * Decides by {@link QuotaWindow#lease} over this key's grants of the last hour and, when it
     * grants anything, records the grant at {@code now}; grants an hour old may be forgotten.
     */
    QuotaWindow.Lease lease(WorkspaceId workspaceId, ApiKeyId keyId, RateLimit limit, int wanted, Instant now);
}
