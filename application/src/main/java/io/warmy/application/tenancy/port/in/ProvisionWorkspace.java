package io.warmy.application.tenancy.port.in;

import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.ApiKeyId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;

import java.util.List;
import java.util.Optional;

/**
 * Operator actions that need no API key (the command line, the first start): create a workspace
 * and issue keys for it.
 */
public interface ProvisionWorkspace {

    /** The first start of an empty store: workspace {@code default} with one live and one sandbox admin key. */
    record Bootstrap(Workspace workspace, List<CreateApiKey.Issued> keys) {
    }

    /** Creates the default workspace and its two admin keys if, and only if, no workspace exists yet. */
    Optional<Bootstrap> bootstrapIfEmpty();

    /** Issues a key for the named workspace, creating the workspace when there is none of that name. */
    CreateApiKey.Issued issueKey(String workspaceName, String keyName, Mode mode, boolean admin);

    /** Creates a workspace; a taken name is a conflict ({@code workspace_name_taken}). */
    Workspace createWorkspace(String name);

    Optional<Workspace> workspace(WorkspaceId id);

    /** Issues a key for an existing workspace. @throws io.warmy.domain.common.NotFoundException for an unknown workspace */
    CreateApiKey.Issued issueKey(WorkspaceId workspaceId, String keyName, Mode mode, boolean admin);

    /** Revokes a key of a workspace (the first revocation time stays). @throws io.warmy.domain.common.NotFoundException */
    ApiKey revokeKey(WorkspaceId workspaceId, ApiKeyId keyId);

    /** Every key of the named workspace, both modes, newest first. @throws io.warmy.domain.common.NotFoundException */
    List<ApiKey> keysOf(String workspaceName);

    /** Revokes a key of the named workspace. @throws io.warmy.domain.common.NotFoundException for either */
    ApiKey revokeKey(String workspaceName, String keyId);
}
