package io.warmy.adapters.rest;

import io.warmy.application.warmup.port.in.WarmupView;
import io.warmy.domain.warmup.Milestone;
import io.warmy.domain.warmup.WarmupSettings;

/** A mailbox's warmup as the API shows it: status, today's numbers, settings and the next milestone (or null). */
record WarmupJson(String mailboxId, String status, int day, int plannedToday, int sentToday, Settings settings,
                  NextMilestone nextMilestone) {

    /** The warmup settings, under the names {@code PATCH /mailboxes/:id/warmup} takes. */
    record Settings(int dailyTarget, int startVolume, int rampUpPerDay, int replyRate, boolean weekdaysOnly) {

        static Settings of(WarmupSettings s) {
            return new Settings(s.dailyTarget(), s.startVolume(), s.rampUpPerDay(), s.replyRate(), s.weekdaysOnly());
        }
    }

    /** {@code expectedOn} is null while warmup is not running: no date can be promised then. */
    record NextMilestone(String name, int day, String expectedOn) {

        static NextMilestone of(Milestone m) {
            return new NextMilestone(m.name(), m.day(), Json.date(m.expectedOn()));
        }
    }

    static WarmupJson of(WarmupView v) {
        return new WarmupJson(v.mailboxId().value(), v.status().wireName(), v.day(), v.plannedToday(), v.sentToday(),
                Settings.of(v.settings()), v.nextMilestone().map(NextMilestone::of).orElse(null));
    }
}
