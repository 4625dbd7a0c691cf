package io.warmy.application.testing;

import io.warmy.application.idempotency.port.out.IdempotencyRecords;
import io.warmy.application.tenancy.port.out.QuotaLedger;
import io.warmy.domain.tenancy.QuotaGrant;
import io.warmy.domain.tenancy.QuotaWindow;
import io.warmy.domain.tenancy.RateLimit;

import io.warmy.application.common.UlidIds;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.health.port.out.HealthRecords;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.application.sending.port.out.SendCounters;
import io.warmy.application.sending.port.out.SendingSettings;
import io.warmy.application.suppression.port.out.Suppressions;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.application.webhook.port.out.Outbox;
import io.warmy.application.webhook.port.out.WebhookEndpoints;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.application.tenancy.port.out.Workspaces;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventDraft;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.domain.warmup.Placement;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.sending.LimitType;
import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;
import io.warmy.domain.webhook.DeliveryFilter;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
                        TreeMap<String, Mailbox> mailboxes, TreeMap<String, Event> events,
                        HashMap<String, String> dedupHashes, TreeMap<String, WebhookEndpoint> endpoints,
                        TreeMap<String, Delivery> deliveries, HashMap<String, Lease> leases,
                        HashMap<String, List<DeliveryAttempt>> attempts, TreeMap<String, Suppression> suppressions,
                        HashMap<String, Long> counters, HashMap<Tenant, SendingLimits> sendingLimits,
                        HashMap<String, WarmupMessage> warmupMessages, TreeMap<String, DailyStats> warmupDays,
                        HashMap<String, HealthRecords.HealthRecord> health) {
        static Data empty() {
            return new Data(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new HashMap<>(),
                    new TreeMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(),
                    new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>());
        }

        HashMap<String, List<DeliveryAttempt>> copyAttempts() {
            HashMap<String, List<DeliveryAttempt>> copy = new HashMap<>();
            attempts.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
            return copy;
        }

        Data copy() {
            return new Data(new TreeMap<>(workspaces), new TreeMap<>(apiKeys), new TreeMap<>(mailboxes),
                    new TreeMap<>(events), new HashMap<>(dedupHashes), new TreeMap<>(endpoints),
                    new TreeMap<>(deliveries), new HashMap<>(leases), copyAttempts(), new TreeMap<>(suppressions),
                    new HashMap<>(counters),
                    new HashMap<>(sendingLimits), new HashMap<>(warmupMessages), new TreeMap<>(warmupDays),
                    new HashMap<>(health));
        }
    }

    private record Lease(String owner, Instant until) {
    }

    private record WarmupMessage(boolean sent, Placement placement, LocalDate placedOn, boolean replied,
                                 boolean complained) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final UlidIds ids = new UlidIds(Clock.system());
    private Data data = Data.empty();

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
                    ApiKey revoked = k.revokedAt(at);
                    data.apiKeys().put(k.id().value(), revoked);
                    return revoked;
                }));
            }

            @Override
            public void touch(ApiKeyId id, Instant at) {
                lockedRun(() -> {
                    ApiKey k = data.apiKeys().get(id.value());
                    if (k != null && (k.lastUsedAt() == null || k.lastUsedAt().isBefore(at))) {
                        data.apiKeys().put(id.value(), k.usedAt(at));
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

    private static String tenantKey(Tenant t) {
        return t.workspaceId().value() + "/" + t.mode().wireName();
    }

    @Override
    public EventLog eventLog() {
        return new EventLog() {
            @Override
            public Appended append(Tenant tenant, EventDraft draft, EventId id, Instant timestamp) {
                return locked(() -> {
                    Optional<String> dedup = draft.dedupKey().map(k -> tenantKey(tenant) + "/" + k.hash());
                    if (dedup.isPresent() && data.dedupHashes().containsKey(dedup.get())) {
                        return new Appended(data.events().get(data.dedupHashes().get(dedup.get())), true);
                    }
                    Event event = new Event(id, tenant, draft.type(), draft.data(), timestamp);
                    data.events().put(id.value(), event);
                    dedup.ifPresent(d -> data.dedupHashes().put(d, id.value()));
                    return new Appended(event, false);
                });
            }

            @Override
            public Optional<Event> find(Tenant tenant, EventId id) {
                return locked(() -> Optional.ofNullable(data.events().get(id.value())).filter(e -> e.tenant().equals(tenant)));
            }

            @Override
            public List<Event> list(Tenant tenant, EventQuery query, Optional<EventId> afterId, int limit) {
                return locked(() -> data.events().descendingMap().values().stream()
                        .filter(e -> e.tenant().equals(tenant) && query.matches(e))
                        .filter(e -> afterId.isEmpty() || e.id().value().compareTo(afterId.get().value()) < 0)
                        .limit(limit)
                        .toList());
            }
        };
    }

    @Override
    public WebhookEndpoints webhookEndpoints() {
        return new WebhookEndpoints() {
            @Override
            public void insert(WebhookEndpoint endpoint) {
                lockedRun(() -> data.endpoints().put(endpoint.id().value(), endpoint));
            }

            @Override
            public Optional<WebhookEndpoint> find(Tenant tenant, WebhookEndpointId id) {
                return locked(() -> Optional.ofNullable(data.endpoints().get(id.value()))
                        .filter(e -> e.tenant().equals(tenant)));
            }

            @Override
            public List<WebhookEndpoint> list(Tenant tenant, Optional<WebhookEndpointId> afterId, int limit) {
                return locked(() -> data.endpoints().descendingMap().values().stream()
                        .filter(e -> e.tenant().equals(tenant))
                        .filter(e -> afterId.isEmpty() || e.id().value().compareTo(afterId.get().value()) < 0)
                        .limit(limit)
                        .toList());
            }

            @Override
            public boolean update(WebhookEndpoint endpoint) {
                return locked(() -> find(endpoint.tenant(), endpoint.id()).isPresent()
                        && data.endpoints().put(endpoint.id().value(), endpoint) != null);
            }

            @Override
            public boolean delete(Tenant tenant, WebhookEndpointId id) {
                return locked(() -> {
                    if (find(tenant, id).isEmpty()) {
                        return false;
                    }
                    data.endpoints().remove(id.value());
                    List<String> gone = data.deliveries().values().stream()
                            .filter(d -> d.endpointId().equals(id)).map(d -> d.id().value()).toList();
                    gone.forEach(d -> {
                        data.deliveries().remove(d);
                        data.leases().remove(d);
                        data.attempts().remove(d);
                    });
                    return true;
                });
            }
        };
    }

    @Override
    public Outbox outbox() {
        return new Outbox() {
            @Override
            public int enqueue(Event event, Instant dueAt) {
                return locked(() -> {
                    int n = 0;
                    for (WebhookEndpoint e : data.endpoints().values()) {
                        if (e.enabled() && e.tenant().equals(event.tenant()) && e.subscription().includes(event.type())) {
                            DeliveryId id = DeliveryId.fromUlid(ids.next());
                            data.deliveries().put(id.value(), Delivery.pending(id, event.tenant(), e.id(), event.id(),
                                    event.type(), dueAt));
                            n++;
                        }
                    }
                    return n;
                });
            }

            @Override
            public Delivery enqueueTo(Event event, WebhookEndpointId endpointId, Instant dueAt) {
                return locked(() -> {
                    DeliveryId id = DeliveryId.fromUlid(ids.next());
                    Delivery d = Delivery.pending(id, event.tenant(), endpointId, event.id(), event.type(), dueAt);
                    data.deliveries().put(id.value(), d);
                    return d;
                });
            }

            @Override
            public List<Delivery> deliveriesOf(Tenant tenant, EventId eventId) {
                return locked(() -> data.deliveries().values().stream()
                        .filter(d -> d.tenant().equals(tenant) && d.eventId().equals(eventId))
                        .toList());
            }
        };
    }

    @Override
    public DeliveryQueue deliveryQueue() {
        return new DeliveryQueue() {
            @Override
            public List<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit,
                                        Set<WebhookEndpointId> skip) {
                return locked(() -> {
                    List<Delivery> due = data.deliveries().values().stream()
                            .filter(d -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now))
                            .filter(d -> !skip.contains(d.endpointId()))
                            .filter(d -> {
                                Lease l = data.leases().get(d.id().value());
                                return l == null || !l.until().isAfter(now);
                            })
                            .sorted(Comparator.comparing(Delivery::nextAttemptAt).thenComparing(d -> d.id().value()))
                            .limit(limit)
                            .toList();
                    due.forEach(d -> data.leases().put(d.id().value(), new Lease(owner, leaseUntil)));
                    return due;
                });
            }

            @Override
            public void release(DeliveryId id, String owner) {
                lockedRun(() -> {
                    Lease l = data.leases().get(id.value());
                    if (l != null && l.owner().equals(owner)) {
                        data.leases().remove(id.value());
                    }
                });
            }

            @Override
            public boolean complete(Delivery settled, Optional<DeliveryAttempt> attempt, String owner) {
                return locked(() -> {
                    Lease l = data.leases().get(settled.id().value());
                    if (l == null || !l.owner().equals(owner) || !data.deliveries().containsKey(settled.id().value())) {
                        return false;
                    }
                    data.leases().remove(settled.id().value());
                    data.deliveries().put(settled.id().value(), settled);
                    attempt.ifPresent(a -> data.attempts().computeIfAbsent(settled.id().value(), k -> new ArrayList<>()).add(a));
                    return true;
                });
            }

            @Override
            public Optional<Delivery> find(Tenant tenant, DeliveryId id) {
                return locked(() -> Optional.ofNullable(data.deliveries().get(id.value())).filter(d -> d.tenant().equals(tenant)));
            }

            @Override
            public List<Delivery> list(Tenant tenant, WebhookEndpointId endpointId, DeliveryFilter filter,
                                       Optional<DeliveryId> afterId, int limit) {
                return locked(() -> data.deliveries().descendingMap().values().stream()
                        .filter(d -> d.tenant().equals(tenant) && d.endpointId().equals(endpointId) && filter.matches(d))
                        .filter(d -> afterId.isEmpty() || d.id().value().compareTo(afterId.get().value()) < 0)
                        .limit(limit)
                        .toList());
            }

            @Override
            public List<DeliveryAttempt> attempts(Tenant tenant, DeliveryId id) {
                return locked(() -> find(tenant, id).map(d -> List.copyOf(data.attempts().getOrDefault(id.value(), List.of())))
                        .orElse(List.of()));
            }

            @Override
            public boolean requeue(Tenant tenant, DeliveryId id, Instant now) {
                return locked(() -> find(tenant, id).map(d -> {
                    data.deliveries().put(id.value(), d.requeued(now));
                    data.leases().remove(id.value());
                    return true;
                }).orElse(false));
            }

            @Override
            public int requeueFailed(Tenant tenant, WebhookEndpointId endpointId, Instant since, Instant now) {
                return locked(() -> {
                    List<Delivery> failed = data.deliveries().values().stream()
                            .filter(d -> d.tenant().equals(tenant) && d.endpointId().equals(endpointId)
                                    && d.status() == DeliveryStatus.FAILED && !d.createdAt().isBefore(since))
                            .toList();
                    failed.forEach(d -> data.deliveries().put(d.id().value(), d.requeued(now)));
                    return failed.size();
                });
            }
        };
    }

    @Override
    public Suppressions suppressions() {
        return new Suppressions() {
            private String key(Tenant tenant, EmailAddress email) {
                return tenantKey(tenant) + "/" + email.value();
            }

            @Override
            public boolean add(Suppression s) {
                return locked(() -> data.suppressions().putIfAbsent(key(s.tenant(), s.email()), s) == null);
            }

            @Override
            public Optional<Suppression> find(Tenant tenant, EmailAddress email) {
                return locked(() -> Optional.ofNullable(data.suppressions().get(key(tenant, email))));
            }

            @Override
            public boolean remove(Tenant tenant, EmailAddress email) {
                return locked(() -> data.suppressions().remove(key(tenant, email)) != null);
            }

            @Override
            public List<Suppression> list(Tenant tenant, Optional<EmailAddress> afterEmail, int limit) {
                return locked(() -> data.suppressions().values().stream()
                        .filter(s -> s.tenant().equals(tenant))
                        .filter(s -> afterEmail.isEmpty() || s.email().value().compareTo(afterEmail.get().value()) > 0)
                        .sorted(Comparator.comparing((Suppression s) -> s.email().value()))
                        .limit(limit)
                        .toList());
            }
        };
    }

    @Override
    public SendCounters sendCounters() {
        return new SendCounters() {
            private String key(Tenant tenant, LimitType type, String identifier, LocalDate day) {
                return tenantKey(tenant) + "/" + type + "/" + identifier + "/" + day;
            }

            @Override
            public OptionalLong tryIncrement(Tenant tenant, LimitType type, String identifier, LocalDate day, long limit) {
                return locked(() -> {
                    long current = data.counters().getOrDefault(key(tenant, type, identifier, day), 0L);
                    if (current >= limit) {
                        return OptionalLong.empty();
                    }
                    data.counters().put(key(tenant, type, identifier, day), current + 1);
                    return OptionalLong.of(current + 1);
                });
            }

            @Override
            public long current(Tenant tenant, LimitType type, String identifier, LocalDate day) {
                return locked(() -> data.counters().getOrDefault(key(tenant, type, identifier, day), 0L));
            }
        };
    }

    @Override
    public SendingSettings sendingSettings() {
        return new SendingSettings() {
            @Override
            public SendingLimits get(Tenant tenant) {
                return locked(() -> data.sendingLimits().getOrDefault(tenant, SendingLimits.DEFAULTS));
            }

            @Override
            public void put(Tenant tenant, SendingLimits limits) {
                lockedRun(() -> data.sendingLimits().put(tenant, limits));
            }
        };
    }

    @Override
    public WarmupActivity warmupActivity() {
        return new WarmupActivity() {
            private String key(Tenant tenant, MailboxId mailbox, String suffix) {
                return tenantKey(tenant) + "/" + mailbox.value() + "/" + suffix;
            }

            private WarmupMessage message(Tenant tenant, MailboxId mailbox, String messageId) {
                return data.warmupMessages().getOrDefault(key(tenant, mailbox, messageId),
                        new WarmupMessage(false, null, null, false, false));
            }

            @Override
            public boolean markSent(Tenant tenant, MailboxId mailbox, String messageId) {
                return locked(() -> {
                    WarmupMessage m = message(tenant, mailbox, messageId);
                    data.warmupMessages().put(key(tenant, mailbox, messageId),
                            new WarmupMessage(true, m.placement(), m.placedOn(), m.replied(), m.complained()));
                    return !m.sent();
                });
            }

            @Override
            public Optional<PlacedMessage> place(Tenant tenant, MailboxId mailbox, String messageId, Placement placement,
                                                 LocalDate day) {
                return locked(() -> {
                    WarmupMessage m = message(tenant, mailbox, messageId);
                    LocalDate on = m.placedOn() == null ? day : m.placedOn();
                    data.warmupMessages().put(key(tenant, mailbox, messageId),
                            new WarmupMessage(m.sent(), placement, on, m.replied(), m.complained()));
                    return m.placement() == null ? Optional.<PlacedMessage>empty()
                            : Optional.of(new PlacedMessage(m.placement(), m.placedOn()));
                });
            }

            @Override
            public boolean markReplied(Tenant tenant, MailboxId mailbox, String messageId) {
                return locked(() -> {
                    WarmupMessage m = message(tenant, mailbox, messageId);
                    data.warmupMessages().put(key(tenant, mailbox, messageId),
                            new WarmupMessage(m.sent(), m.placement(), m.placedOn(), true, m.complained()));
                    return !m.replied();
                });
            }

            @Override
            public boolean markComplained(Tenant tenant, MailboxId mailbox, String messageId) {
                return locked(() -> {
                    WarmupMessage m = message(tenant, mailbox, messageId);
                    data.warmupMessages().put(key(tenant, mailbox, messageId),
                            new WarmupMessage(m.sent(), m.placement(), m.placedOn(), m.replied(), true));
                    return !m.complained();
                });
            }

            @Override
            public void add(Tenant tenant, MailboxId mailbox, DailyStats delta) {
                lockedRun(() -> data.warmupDays().merge(key(tenant, mailbox, delta.date().toString()), delta,
                        DailyStats::plus));
            }

            @Override
            public List<DailyStats> days(Tenant tenant, MailboxId mailbox, LocalDate from, LocalDate to) {
                return locked(() -> data.warmupDays().subMap(key(tenant, mailbox, from.toString()), true,
                        key(tenant, mailbox, to.toString()), true).values().stream().toList());
            }
        };
    }

    @Override
    public HealthRecords healthRecords() {
        return new HealthRecords() {
            private String key(Tenant tenant, MailboxId mailbox) {
                return tenantKey(tenant) + "/" + mailbox.value();
            }

            @Override
            public Optional<HealthRecord> find(Tenant tenant, MailboxId mailbox) {
                return locked(() -> Optional.ofNullable(data.health().get(key(tenant, mailbox))));
            }

            @Override
            public Optional<HealthRecord> findForUpdate(Tenant tenant, MailboxId mailbox) {
                return find(tenant, mailbox);
            }

            @Override
            public void save(Tenant tenant, MailboxId mailbox, HealthRecord record) {
                lockedRun(() -> data.health().put(key(tenant, mailbox), record));
            }
        };
    }

    private static Mailbox withVersion(Mailbox m, long version) {
        return m.withVersion(version);
    }

    private final HashMap<String, List<QuotaGrant>> grants = new HashMap<>();
    private final HashMap<String, IdempotencyRecords.Stored> idempotency = new HashMap<>();

    @Override
    public QuotaLedger quotaLedger() {
        return (workspaceId, keyId, limit, wanted, now) -> locked(() -> {
            List<QuotaGrant> granted = grants.computeIfAbsent(workspaceId.value() + "/" + keyId.value(),
                    k -> new ArrayList<>());
            granted.removeIf(g -> !g.at().isAfter(now.minus(RateLimit.WINDOW)));
            QuotaWindow.Lease lease = QuotaWindow.lease(limit, granted, wanted, now);
            if (lease.granted() > 0) {
                granted.add(new QuotaGrant(now, lease.granted()));
            }
            return lease;
        });
    }

    @Override
    public IdempotencyRecords idempotencyRecords() {
        return new IdempotencyRecords() {
            private String key(Tenant tenant, String keyHash) {
                return tenantKey(tenant) + "/" + keyHash;
            }

            @Override
            public Optional<Stored> claim(Tenant tenant, String keyHash, String token, String fingerprint, Instant now,
                                          Instant expiredBefore, Instant abandonedBefore) {
                return locked(() -> {
                    Stored standing = idempotency.get(key(tenant, keyHash));
                    boolean free = standing == null || !standing.startedAt().isAfter(expiredBefore)
                            || (standing.response().isEmpty() && !standing.startedAt().isAfter(abandonedBefore));
                    if (free) {
                        idempotency.put(key(tenant, keyHash), new Stored(token, fingerprint, now, Optional.empty()));
                        return Optional.<Stored>empty();
                    }
                    return Optional.of(standing);
                });
            }

            @Override
            public void complete(Tenant tenant, String keyHash, String token, Response response) {
                lockedRun(() -> idempotency.computeIfPresent(key(tenant, keyHash), (k, s) -> s.token().equals(token)
                        ? new Stored(token, s.fingerprint(), s.startedAt(), Optional.of(response)) : s));
            }

            @Override
            public void release(Tenant tenant, String keyHash, String token) {
                lockedRun(() -> idempotency.computeIfPresent(key(tenant, keyHash),
                        (k, s) -> s.token().equals(token) ? null : s));
            }

            @Override
            public Optional<Stored> find(Tenant tenant, String keyHash) {
                return locked(() -> Optional.ofNullable(idempotency.get(key(tenant, keyHash))));
            }

            @Override
            public int purge(Instant expiredBefore) {
                return locked(() -> {
                    int before = idempotency.size();
                    idempotency.values().removeIf(s -> !s.startedAt().isAfter(expiredBefore));
                    return before - idempotency.size();
                });
            }
        };
    }
}
