package io.warmy.application.tenancy.port.in;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.domain.tenancy.ApiKey;

/** The workspace's API keys, live and sandbox, by prefix and name; never their secrets. */
public interface ListApiKeys {

    Page<ApiKey> list(Caller caller, PageRequest page);
}
