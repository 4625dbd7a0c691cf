package io.warmy.application.mailbox.port.in;

import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.tenancy.Tenant;

/** Changes a mailbox's settings (display name, daily sending limit); null leaves a field as it is. */
public interface UpdateMailbox {

    record Command(String displayName, Integer dailyLimit) {
        public Command {
            if (dailyLimit != null) {
                Mailbox.requireDailyLimit(dailyLimit);
            }
        }
    }

    Mailbox update(Tenant tenant, String mailboxId, Command command);
}
