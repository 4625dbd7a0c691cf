package io.warmy.application.tenancy.port.in;

import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Workspace;

/** The calling key's workspace and mode, like Stripe's account endpoint. */
public interface GetWorkspace {

    record View(Workspace workspace, Mode mode) {
    }

    View get(Caller caller);
}
