package io.warmy.domain.event;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.sending.LimitType;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every dedup rule of SPEC §4 as a table: for each event type, a signal, a signal that must make
 * NO second event, and a signal that MUST make a second one. "Day" is the UTC day of the
 * signal's own time, not of processing.
 */
class DedupRulesTest {

    private static final MailboxId MBX = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE");
    private static final MailboxId MBX2 = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CF");
    private static final EmailAddress ANNA = new EmailAddress("anna@prospect.example");
    private static final Instant T = Instant.parse("2026-03-20T14:30:00Z");
    private static final Instant SAME_DAY_LATER = Instant.parse("2026-03-20T23:59:59.999Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-03-21T00:00:00Z");
    private static final Instant MUCH_LATER = Instant.parse("2026-09-01T08:00:00Z");
    private static final Tenant TENANT = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.LIVE);

    static Signal.Reply reply(String prospect, String campaign, Instant at, String messageId) {
        return new Signal.Reply(prospect, ANNA, campaign, MBX, "Re: hello", messageId, at);
    }

    static Signal.Bounce bounce(String prospect, String campaign, Instant at, Signal.BounceType type) {
        return new Signal.Bounce(prospect, ANNA, campaign, MBX, type, "550 no such user", at);
    }

    static Signal.Unsubscribe unsubscribe(String prospect, String campaign, Instant at) {
        return new Signal.Unsubscribe(prospect, ANNA, campaign, at);
    }

    static Signal.Open open(String prospect, String campaign, int step, Instant at) {
        return new Signal.Open(prospect, ANNA, campaign, MBX, step, at);
    }

    static Signal.Click click(String prospect, String campaign, String url, Instant at) {
        return new Signal.Click(prospect, ANNA, campaign, MBX, 0, url, at);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // type, first, same event (no second), a second event
                arguments("reply.received: a later reply in the same campaign",
                        s(() -> reply("p1", "c1", T, "<m1>")), s(() -> reply("p1", "c1", MUCH_LATER, "<m2>")),
                        s(() -> reply("p1", "c2", T, "<m1>"))),
                arguments("reply.received: another prospect",
                        s(() -> reply("p1", "c1", T, "<m1>")), s(() -> reply("p1", "c1", T, "<m1>")),
                        s(() -> reply("p2", "c1", T, "<m1>"))),
                arguments("email.bounced: same day, soft then hard",
                        s(() -> bounce("p1", "c1", T, Signal.BounceType.SOFT)),
                        s(() -> bounce("p1", "c1", SAME_DAY_LATER, Signal.BounceType.HARD)),
                        s(() -> bounce("p1", "c1", NEXT_DAY, Signal.BounceType.SOFT))),
                arguments("email.bounced: another campaign the same day",
                        s(() -> bounce("p1", "c1", T, Signal.BounceType.HARD)),
                        s(() -> bounce("p1", "c1", T.plusSeconds(60), Signal.BounceType.HARD)),
                        s(() -> bounce("p1", "c2", T, Signal.BounceType.HARD))),
                arguments("email.unsubscribed: ever, per campaign",
                        s(() -> unsubscribe("p1", "c1", T)), s(() -> unsubscribe("p1", "c1", MUCH_LATER)),
                        s(() -> unsubscribe("p1", "c2", T))),
                arguments("email.opened: first open only, whatever the step or day",
                        s(() -> open("p1", "c1", 0, T)), s(() -> open("p1", "c1", 3, MUCH_LATER)),
                        s(() -> open("p1", "c2", 0, T))),
                arguments("email.clicked: same URL same day, other URL",
                        s(() -> click("p1", "c1", "https://acme.example/a", T)),
                        s(() -> click("p1", "c1", "https://acme.example/a", SAME_DAY_LATER)),
                        s(() -> click("p1", "c1", "https://acme.example/b", T))),
                arguments("email.clicked: same URL next day",
                        s(() -> click("p1", "c1", "https://acme.example/a", T)),
                        s(() -> click("p1", "c2", "https://acme.example/a", T)),
                        s(() -> click("p1", "c1", "https://acme.example/a", NEXT_DAY))),
                arguments("email.clicked: another prospect",
                        s(() -> click("p1", "c1", "https://acme.example/a", T)),
                        s(() -> click("p1", "c1", "https://acme.example/a", T)),
                        s(() -> click("p2", "c1", "https://acme.example/a", T))));
    }

    private static Supplier<Signal> s(Supplier<Signal> signal) {
        return signal;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachSignalDedupsByItsRule(String rule, Supplier<Signal> first, Supplier<Signal> same, Supplier<Signal> second) {
        DedupKey key = first.get().dedupKey();
        assertThat(same.get().dedupKey()).as("same event under the rule").isEqualTo(key);
        assertThat(second.get().dedupKey()).as("a second event under the rule").isNotEqualTo(key);
        assertThat(first.get().toEvent().type().wireName()).isEqualTo(rule.substring(0, rule.indexOf(':')));
    }

    static Stream<Arguments> stateEvents() {
        Mailbox m = Mailbox.connect(MBX, TENANT, new EmailAddress("sender@acme.example"), Provider.GOOGLE, null, null, T);
        Mailbox gone = m.disconnect("requested", T.plusSeconds(60));
        Mailbox back = gone.reconnect(Provider.GOOGLE, null, null, NEXT_DAY);
        Suppression manual = new Suppression(TENANT, ANNA, SuppressionReason.MANUAL, null, T);
        return Stream.of(
                arguments("mailbox.connected: per connection",
                        Events.mailboxConnected(m), Events.mailboxConnected(m.update("Sender", 10, T.plusSeconds(5))),
                        Events.mailboxConnected(back)),
                arguments("mailbox.disconnected: per connection",
                        Events.mailboxDisconnected(gone, T.plusSeconds(60)),
                        Events.mailboxDisconnected(gone, T.plusSeconds(61)),
                        Events.mailboxDisconnected(back.disconnect("requested", NEXT_DAY.plusSeconds(9)), NEXT_DAY)),
                arguments("warmup.milestone: per milestone per mailbox, ever",
                        Events.milestone(MBX, "day_7", 7, T), Events.milestone(MBX, "day_7", 7, MUCH_LATER),
                        Events.milestone(MBX2, "day_7", 7, T)),
                arguments("warmup.milestone: another milestone",
                        Events.milestone(MBX, "day_7", 7, T), Events.milestone(MBX, "day_7", 7, T),
                        Events.milestone(MBX, "day_14", 14, T)),
                arguments("warmup.health_changed: per change of band",
                        Events.healthChanged(MBX, 3, "good", "fair", 80, 70, T),
                        Events.healthChanged(MBX, 3, "good", "fair", 80, 69, T.plusSeconds(5)),
                        Events.healthChanged(MBX, 4, "good", "fair", 80, 70, T)),
                arguments("prospect.suppressed: per address per day",
                        Events.prospectSuppressed(manual),
                        Events.prospectSuppressed(new Suppression(TENANT, new EmailAddress("ANNA@prospect.example"),
                                SuppressionReason.BOUNCE, "p1", SAME_DAY_LATER)),
                        Events.prospectSuppressed(new Suppression(TENANT, ANNA, SuppressionReason.MANUAL, null, NEXT_DAY))),
                arguments("limit.hit: per limit type per identifier per day",
                        Events.limitHit(LimitType.DAILY_MAILBOX, MBX.value(), MBX, "c1", 50, 50, T),
                        Events.limitHit(LimitType.DAILY_MAILBOX, MBX.value(), MBX, "c2", 51, 50, SAME_DAY_LATER),
                        Events.limitHit(LimitType.DAILY_DOMAIN, "acme.example", MBX, "c1", 500, 500, T)),
                arguments("limit.hit: next day",
                        Events.limitHit(LimitType.DAILY_DOMAIN, "acme.example", MBX, "c1", 500, 500, T),
                        Events.limitHit(LimitType.DAILY_DOMAIN, "acme.example", MBX2, "c1", 500, 500, T),
                        Events.limitHit(LimitType.DAILY_DOMAIN, "acme.example", MBX, "c1", 500, 500, NEXT_DAY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stateEvents")
    void eachStateEventDedupsByItsRule(String rule, EventDraft first, EventDraft same, EventDraft second) {
        assertThat(same.dedupKey()).as("same event under the rule").isEqualTo(first.dedupKey());
        assertThat(second.dedupKey()).as("a second event under the rule").isNotEqualTo(first.dedupKey());
        assertThat(first.type().wireName()).isEqualTo(rule.substring(0, rule.indexOf(':')));
    }

    @org.junit.jupiter.api.Test
    void everyTestEventIsNew() {
        assertThat(Events.webhookTest("we_01JD4S3K2M9V6QW8XR5T7YB0CE", T, "hello").dedupKey()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void partsThatContainTheSeparatorCannotForgeAnotherKey() {
        DedupKey a = DedupKey.of(EventType.EMAIL_CLICKED, "p1|x", "u");
        DedupKey b = DedupKey.of(EventType.EMAIL_CLICKED, "p1", "x|u");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.hash()).isNotEqualTo(b.hash()).matches("[0-9a-f]{64}");
    }
}
