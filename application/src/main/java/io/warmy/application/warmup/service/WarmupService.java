package io.warmy.application.warmup.service;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.mailbox.service.MailboxUpdates;
import io.warmy.application.warmup.port.in.GetWarmupStatus;
import io.warmy.application.warmup.port.in.PauseWarmup;
import io.warmy.application.warmup.port.in.ResumeWarmup;
import io.warmy.application.warmup.port.in.UpdateWarmupSettings;
import io.warmy.application.warmup.port.in.WarmupView;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.domain.warmup.WarmupSettings;
import io.warmy.domain.warmup.WarmupState;

import java.time.LocalDate;

/** Reading and steering a mailbox's warmup. */
public final class WarmupService implements GetWarmupStatus, PauseWarmup, ResumeWarmup, UpdateWarmupSettings {

    private final MailboxUpdates mailboxes;
    private final WarmupActivity activity;
    private final Clock clock;

    public WarmupService(MailboxUpdates mailboxes, WarmupActivity activity, Clock clock) {
        this.mailboxes = mailboxes;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public WarmupView status(Tenant tenant, String mailboxId) {
        return view(mailboxes.load(tenant, mailboxId));
    }

    @Override
    public WarmupView pause(Tenant tenant, String mailboxId) {
        return view(mailboxes.modify(tenant, mailboxId, m -> m.pauseWarmup(clock.now())));
    }

    @Override
    public WarmupView resume(Tenant tenant, String mailboxId) {
        return view(mailboxes.modify(tenant, mailboxId, m -> m.resumeWarmup(clock.now())));
    }

    @Override
    public WarmupView update(Tenant tenant, String mailboxId, Command c) {
        return view(mailboxes.modify(tenant, mailboxId, m -> {
            WarmupSettings s = m.warmup().settings().with(c.dailyTarget(), c.startVolume(), c.rampUpPerDay(),
                    c.replyRate(), c.weekdaysOnly());
            return m.updateWarmupSettings(s, clock.now());
        }));
    }

    private WarmupView view(Mailbox m) {
        LocalDate today = Mailbox.day(clock.now());
        WarmupState w = m.warmup();
        long sentToday = activity.days(m.tenant(), m.id(), today, today).stream().mapToLong(DailyStats::sent).sum();
        return new WarmupView(m.id(), w.status(), w.day(today), w.plannedToday(today, m.dailyLimit()),
                (int) sentToday, w.settings(), w.nextMilestone(today));
    }
}
