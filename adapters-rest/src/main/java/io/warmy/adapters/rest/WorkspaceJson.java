package io.warmy.adapters.rest;

import io.warmy.application.tenancy.port.in.GetWorkspace;

/** The calling key's workspace as the API shows it. */
record WorkspaceJson(String id, String name, String mode) {

    static WorkspaceJson of(GetWorkspace.View view) {
        return new WorkspaceJson(view.workspace().id().value(), view.workspace().name(), view.mode().wireName());
    }
}
