package io.warmy.domain.event;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.sending.LimitType;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each event carries exactly the payload fields of the contract (SPEC §4), in order. */
class PayloadsTest {

    private static final MailboxId MBX = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE");
    private static final EmailAddress ANNA = new EmailAddress("anna@prospect.example");
    private static final Instant T = Instant.parse("2026-03-20T14:30:00Z");
    private static final Tenant TENANT = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.LIVE);

    @Test
    void everyTypeHasExactlyItsContractFields() {
        Mailbox m = Mailbox.connect(MBX, TENANT, new EmailAddress("sender@acme.example"), Provider.GOOGLE, null, null, T);
        assertThat(Events.mailboxConnected(m).data()).containsOnlyKeys("mailboxId", "email", "provider", "connectedAt");
        assertThat(Events.mailboxDisconnected(m.disconnect("requested", T), T).data().keySet())
                .containsExactly("mailboxId", "email", "reason", "disconnectedAt");
        assertThat(Events.healthChanged(MBX, 1, null, "good", null, 80, T).data().keySet())
                .containsExactly("mailboxId", "previousStatus", "status", "previousScore", "score", "changedAt");
        assertThat(Events.milestone(MBX, "day_7", 7, T).data().keySet())
                .containsExactly("mailboxId", "milestone", "value", "reachedAt");
        assertThat(new Signal.Reply("p1", ANNA, "c1", MBX, "Re: hi", "<m1@x>", T).data().keySet())
                .containsExactly("prospectId", "prospectEmail", "campaignId", "mailboxId", "subject", "messageId", "receivedAt");
        assertThat(new Signal.Bounce("p1", ANNA, "c1", MBX, Signal.BounceType.HARD, "550", T).data().keySet())
                .containsExactly("prospectId", "prospectEmail", "campaignId", "mailboxId", "bounceType", "bounceReason", "bouncedAt");
        assertThat(new Signal.Unsubscribe("p1", ANNA, "c1", T).data().keySet())
                .containsExactly("prospectId", "prospectEmail", "campaignId", "unsubscribedAt");
        assertThat(new Signal.Open("p1", ANNA, "c1", MBX, 2, T).data().keySet())
                .containsExactly("prospectId", "prospectEmail", "campaignId", "mailboxId", "stepIndex", "openedAt");
        assertThat(new Signal.Click("p1", ANNA, "c1", MBX, 2, "https://a.example/x", T).data().keySet())
                .containsExactly("prospectId", "prospectEmail", "campaignId", "mailboxId", "stepIndex", "url", "clickedAt");
        assertThat(Events.prospectSuppressed(new Suppression(TENANT, ANNA, SuppressionReason.MANUAL, null, T)).data().keySet())
                .containsExactly("prospectId", "email", "reason", "suppressedAt");
        assertThat(Events.limitHit(LimitType.DAILY_DOMAIN, "acme.example", MBX, "c1", 5, 5, T).data().keySet())
                .containsExactly("limitType", "mailboxId", "campaignId", "currentValue", "limitValue", "hitAt");
        assertThat(Events.webhookTest("we_01JD4S3K2M9V6QW8XR5T7YB0CE", T, "hi").data().keySet())
                .containsExactly("webhookId", "timestamp", "message");
    }

    @Test
    void valuesAreJsonReadyWithContractTimes() {
        var click = new Signal.Click("p1", ANNA, "c1", MBX, 2, "https://a.example/x", Instant.parse("2026-03-20T14:30:00.5Z"));
        assertThat(click.data()).containsEntry("clickedAt", "2026-03-20T14:30:00.500Z")
                .containsEntry("stepIndex", 2).containsEntry("prospectEmail", "anna@prospect.example");
        assertThat(Events.limitHit(LimitType.DAILY_MAILBOX, MBX.value(), MBX, "c1", 50, 50, T).data())
                .containsEntry("limitType", "daily_mailbox").containsEntry("currentValue", 50).containsEntry("hitAt", "2026-03-20T14:30:00.000Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://a.example/x", "javascript:alert(1)", "/relative", "https://", "not a url"})
    void aClickNeedsAnAbsoluteWebUrl(String url) {
        assertThatThrownBy(() -> new Signal.Click("p1", ANNA, "c1", MBX, 0, url, T))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("url"));
    }

    @Test
    void badFieldsAreRefusedNamingThem() {
        assertThatThrownBy(() -> new Signal.Open("", ANNA, "c1", MBX, 0, T))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("prospectId"));
        assertThatThrownBy(() -> new Signal.Open("p1", ANNA, "c\u0000", MBX, 0, T))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("campaignId"));
        assertThatThrownBy(() -> new Signal.Open("p1", ANNA, "c1", MBX, -1, T))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("stepIndex"));
        assertThatThrownBy(() -> new Signal.Open("p1", ANNA, "c1", MBX, 0, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("openedAt"));
        assertThatThrownBy(() -> new Signal.Bounce("p1", ANNA, "c1", MBX, null, "x", T))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bounceType"));
        assertThatThrownBy(() -> new Signal.Reply("p1", ANNA, "c1", MBX, "s", " ", T))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("messageId"));
    }

    @Test
    void aSignalFromTheFutureIsRefusedBeyondClockSkew() {
        Instant now = T;
        var ok = new Signal.Click("p1", ANNA, "c1", MBX, 0, "https://a.example", now.plusSeconds(299));
        ok.requireNotAfter(now);
        var future = new Signal.Click("p1", ANNA, "c1", MBX, 0, "https://a.example", now.plusSeconds(3600));
        assertThatThrownBy(() -> future.requireNotAfter(now))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("clickedAt"));
    }
}
