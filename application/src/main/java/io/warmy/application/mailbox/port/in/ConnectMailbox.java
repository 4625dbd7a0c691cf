package io.warmy.application.mailbox.port.in;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Tenant;

import java.util.Objects;

/**
 * Connects a mailbox and starts its warmup. Connecting an address that was disconnected
 * connects the same mailbox again; one that is connected is a conflict.
 */
public interface ConnectMailbox {

    record Command(Tenant tenant, EmailAddress email, Provider provider, String displayName, Integer dailyLimit) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(provider, "provider");
            if (dailyLimit != null) {
                Mailbox.requireDailyLimit(dailyLimit);
            }
        }
    }

    Mailbox connect(Command command);
}
