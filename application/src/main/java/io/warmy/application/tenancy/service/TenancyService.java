package io.warmy.application.tenancy.service;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Ids;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.application.tenancy.port.in.GetWorkspace;
import io.warmy.application.tenancy.port.in.ListApiKeys;
import io.warmy.application.tenancy.port.in.ProvisionWorkspace;
import io.warmy.application.tenancy.port.in.RevokeApiKey;
import io.warmy.application.tenancy.port.out.ApiKeys;
import io.warmy.application.tenancy.port.out.Workspaces;
import io.warmy.domain.common.AccessDeniedException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.ApiKeySecret;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.RateLimit;
import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/** Workspaces and their API keys: issuing, listing, revoking, and the operator's provisioning. */
public final class TenancyService implements CreateApiKey, ListApiKeys, RevokeApiKey, GetWorkspace, ProvisionWorkspace {

    public static final String DEFAULT_WORKSPACE = "default";

    private final Workspaces workspaces;
    private final ApiKeys apiKeys;
    private final Transactions transactions;
    private final Ids ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TenancyService(Workspaces workspaces, ApiKeys apiKeys, Transactions transactions, Ids ids, Clock clock) {
        this.workspaces = workspaces;
        this.apiKeys = apiKeys;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Issued create(Caller caller, Command command) {
        requireAdmin(caller);
        Mode mode = command.mode() == null ? caller.tenant().mode() : command.mode();
        if (caller.tenant().mode() == Mode.SANDBOX && mode == Mode.LIVE) {
            throw new AccessDeniedException("sandbox_key_cannot_issue_live_key",
                    "A sandbox key can only create sandbox keys; use a live admin key.");
        }
        return issue(caller.tenant().workspaceId(), command.name(), mode, command.admin(), command.rateLimit());
    }

    @Override
    public Page<ApiKey> list(Caller caller, PageRequest page) {
        requireAdmin(caller);
        Optional<ApiKeyId> after = page.afterId().map(TenancyService::cursorKeyId);
        return Page.of(apiKeys.list(caller.tenant().workspaceId(), after, page.limit() + 1), page.limit(),
                k -> k.id().value());
    }

    @Override
    public ApiKey revoke(Caller caller, String keyId) {
        requireAdmin(caller);
        ApiKeyId id = new ApiKeyId(keyId);
        return apiKeys.revoke(caller.tenant().workspaceId(), id, clock.now())
                .orElseThrow(() -> new NotFoundException("api_key", keyId));
    }

    @Override
    public View get(Caller caller) {
        Workspace ws = workspaces.find(caller.tenant().workspaceId())
                .orElseThrow(() -> new NotFoundException("workspace", caller.tenant().workspaceId().value()));
        return new View(ws, caller.tenant().mode());
    }

    @Override
    public Optional<Bootstrap> bootstrapIfEmpty() {
        return transactions.inTransaction(() -> {
            if (!workspaces.isEmpty()) {
                return Optional.<Bootstrap>empty();
            }
            Workspace ws = newWorkspace(DEFAULT_WORKSPACE);
            List<Issued> keys = List.of(
                    issue(ws.id(), "Default live admin key", Mode.LIVE, true),
                    issue(ws.id(), "Default sandbox admin key", Mode.SANDBOX, true));
            return Optional.of(new Bootstrap(ws, keys));
        });
    }

    @Override
    public Issued issueKey(String workspaceName, String keyName, Mode mode, boolean admin) {
        String name = Workspace.requireName(workspaceName);
        String key = ApiKey.requireName(keyName);
        return transactions.inTransaction(() -> {
            Workspace ws = workspaces.findByName(name).orElseGet(() -> newWorkspace(name));
            return issue(ws.id(), key, mode, admin);
        });
    }

    @Override
    public Workspace createWorkspace(String name) {
        return newWorkspace(Workspace.requireName(name));
    }

    @Override
    public Optional<Workspace> workspace(WorkspaceId id) {
        return workspaces.find(id);
    }

    @Override
    public Issued issueKey(WorkspaceId workspaceId, String keyName, Mode mode, boolean admin) {
        String key = ApiKey.requireName(keyName);
        Workspace ws = workspaces.find(workspaceId).orElseThrow(() -> new NotFoundException("workspace", workspaceId.value()));
        return issue(ws.id(), key, mode, admin);
    }

    @Override
    public ApiKey revokeKey(WorkspaceId workspaceId, ApiKeyId keyId) {
        return apiKeys.revoke(workspaceId, keyId, clock.now())
                .orElseThrow(() -> new NotFoundException("api_key", keyId.value()));
    }

    @Override
    public List<ApiKey> keysOf(String workspaceName) {
        WorkspaceId id = named(workspaceName).id();
        List<ApiKey> all = new java.util.ArrayList<>();
        Optional<ApiKeyId> after = Optional.empty();
        while (true) {
            List<ApiKey> page = apiKeys.list(id, after, 100);
            all.addAll(page);
            if (page.size() < 100) {
                return all;
            }
            after = Optional.of(page.getLast().id());
        }
    }

    @Override
    public ApiKey revokeKey(String workspaceName, String keyId) {
        return revokeKey(named(workspaceName).id(), new ApiKeyId(keyId));
    }

    private Workspace named(String workspaceName) {
        String name = Workspace.requireName(workspaceName);
        return workspaces.findByName(name).orElseThrow(() -> new NotFoundException("workspace", name));
    }

    private Workspace newWorkspace(String name) {
        Workspace ws = new Workspace(WorkspaceId.fromUlid(ids.next()), name, clock.now());
        workspaces.insert(ws);
        return ws;
    }

    private Issued issue(WorkspaceId workspaceId, String name, Mode mode, boolean admin) {
        return issue(workspaceId, name, mode, admin, RateLimit.DEFAULT);
    }

    private Issued issue(WorkspaceId workspaceId, String name, Mode mode, boolean admin, RateLimit rateLimit) {
        ApiKeySecret secret = ApiKeySecret.fromRandom(mode, () -> random.nextInt(256));
        ApiKey key = ApiKey.issue(ApiKeyId.fromUlid(ids.next()), workspaceId, name, secret, admin, rateLimit,
                clock.now());
        apiKeys.insert(key);
        return new Issued(key, secret.reveal());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new AccessDeniedException("admin_key_required", "Managing API keys needs an admin key.");
        }
    }

    private static ApiKeyId cursorKeyId(String raw) {
        try {
            return new ApiKeyId(raw);
        } catch (MalformedException e) {
            throw new MalformedException("cursor", "cursor is not one this API returned; pass nextCursor unchanged.");
        }
    }
}
