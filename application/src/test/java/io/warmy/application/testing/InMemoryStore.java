package io.warmy.application.testing;

import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.application.tenancy.port.out.Workspaces;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The reference adapter: every storage port in memory, with real transactions (one at a time,
 * rolled back from a snapshot when the work throws). It runs the contract suites like any other
 * adapter, which keeps the suites honest, and it backs the REST and gRPC adapter tests.
 */
public final class InMemoryStore implements Store {

    private record Data(TreeMap<String, Workspace> workspaces, TreeMap<String, ApiKey> apiKeys,
                        TreeMap<String, Mailbox> mailboxes) {
        Data copy() {
            return new Data(new TreeMap<>(workspaces), new TreeMap<>(apiKeys), new TreeMap<>(mailboxes));
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private Data data = new Data(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void lockedRun(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                lock.lock();
                try {
                    if (lock.getHoldCount() > 1) {
                        return work.get(); // joins the outer transaction
                    }
                    Data before = data.copy();
                    try {
                        return work.get();
                    } catch (RuntimeException | Error e) {
                        data = before;
                        throw e;
                    }
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    @Override
    public Workspaces workspaces() {
        return new Workspaces() {
            @Override
            public void insert(Workspace workspace) {
                lockedRun(() -> {
                    if (findByName(workspace.name()).isPresent()) {
                        throw new ConflictException("workspace_name_taken",
                                "A workspace named '" + workspace.name() + "' exists.");
                    }
                    data.workspaces().put(workspace.id().value(), workspace);
                });
            }

            @Override
            public Optional<Workspace> find(WorkspaceId id) {
                return locked(() -> Optional.ofNullable(data.workspaces().get(id.value())));
            }

            @Override
            public Optional<Workspace> findByName(String name) {
                return locked(() -> data.workspaces().values().stream().filter(w -> w.name().equals(name)).findFirst());
            }

            @Override
            public boolean isEmpty() {
                return locked(() -> data.workspaces().isEmpty());
            }
        };
    }

    @Override
    public ApiKeys apiKeys() {
        return new ApiKeys() {
            @Override
            public void insert(ApiKey key) {
                lockedRun(() -> data.apiKeys().put(key.id().value(), key));
            }

            @Override
            public Optional<ApiKey> findByHash(String hash) {
                return locked(() -> data.apiKeys().values().stream().filter(k -> k.hash().equals(hash)).findFirst());
            }

            @Override
            public Optional<ApiKey> find(WorkspaceId workspaceId, ApiKeyId id) {
                return locked(() -> Optional.ofNullable(data.apiKeys().get(id.value()))
                        .filter(k -> k.workspaceId().equals(workspaceId)));
            }

            @Override
            public List<ApiKey> list(WorkspaceId workspaceId, Optional<ApiKeyId> afterId, int limit) {
                return locked(() -> data.apiKeys().descendingMap().values().stream()
                        .filter(k -> k.workspaceId().equals(workspaceId))
                        .filter(k -> afterId.isEmpty() || k.id().value().compareTo(afterId.get().value()) < 0)
                        .limit(limit)
                        .toList());
            }

            @Override
            public Optional<ApiKey> revoke(WorkspaceId workspaceId, ApiKeyId id, Instant at) {
                return locked(() -> find(workspaceId, id).map(k -> {
                    if (k.revoked()) {
                        return k;
                    }
                    ApiKey revoked = new ApiKey(k.id(), k.workspaceId(), k.name(), k.prefix(), k.hash(), k.mode(),
                            k.admin(), k.createdAt(), k.lastUsedAt(), at);
                    data.apiKeys().put(k.id().value(), revoked);
                    return revoked;
                }));
            }

            @Override
            public void touch(ApiKeyId id, Instant at) {
                lockedRun(() -> {
                    ApiKey k = data.apiKeys().get(id.value());
                    if (k != null && (k.lastUsedAt() == null || k.lastUsedAt().isBefore(at))) {
                        data.apiKeys().put(id.value(), new ApiKey(k.id(), k.workspaceId(), k.name(), k.prefix(),
                                k.hash(), k.mode(), k.admin(), k.createdAt(), at, k.revokedAt()));
                    }
                });
            }
        };
    }

    @Override
    public Mailboxes mailboxes() {
        return new Mailboxes() {
            @Override
            public void insert(Mailbox mailbox) {
                lockedRun(() -> {
                    if (findByEmail(mailbox.tenant(), mailbox.email()).isPresent()) {
                        throw new ConflictException("mailbox_already_connected",
                                "Mailbox " + mailbox.email() + " already exists.");
                    }
                    data.mailboxes().put(mailbox.id().value(), withVersion(mailbox, 0));
                });
            }

            @Override
            public Optional<Mailbox> find(Tenant tenant, MailboxId id) {
                return locked(() -> Optional.ofNullable(data.mailboxes().get(id.value()))
                        .filter(m -> m.tenant().equals(tenant)));
            }

            @Override
            public Optional<Mailbox> findByEmail(Tenant tenant, EmailAddress email) {
                return locked(() -> data.mailboxes().values().stream()
                        .filter(m -> m.tenant().equals(tenant) && m.email().equals(email)).findFirst());
            }

            @Override
            public boolean update(Mailbox mailbox) {
                return locked(() -> {
                    Mailbox stored = data.mailboxes().get(mailbox.id().value());
                    if (stored == null || !stored.tenant().equals(mailbox.tenant())
                            || stored.version() != mailbox.version()) {
                        return false;
                    }
                    data.mailboxes().put(mailbox.id().value(), withVersion(mailbox, mailbox.version() + 1));
                    return true;
                });
            }

            @Override
            public List<Mailbox> list(Tenant tenant, MailboxFilter filter, Optional<MailboxId> afterId, int limit) {
                return locked(() -> data.mailboxes().values().stream()
                        .filter(m -> m.tenant().equals(tenant))
                        .filter(filter::matches)
                        .filter(m -> afterId.isEmpty() || m.id().value().compareTo(afterId.get().value()) < 0)
                        .sorted(Comparator.comparing((Mailbox m) -> m.id().value()).reversed())
                        .limit(limit)
                        .toList());
            }
        };
    }

    private static Mailbox withVersion(Mailbox m, long version) {
        return new Mailbox(m.id(), m.tenant(), m.email(), m.provider(), m.displayName(), m.dailyLimit(), m.status(),
                m.disconnectReason(), m.warmup(), m.createdAt(), m.updatedAt(), version);
    }
}
