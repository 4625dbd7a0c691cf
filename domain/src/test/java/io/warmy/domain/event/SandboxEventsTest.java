package io.warmy.domain.event;

import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxEventsTest {

    private static final Tenant SANDBOX = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.SANDBOX);
    private static final Instant NOW = Instant.parse("2026-03-20T14:30:00Z");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeCanBeMadeWithNothingGivenAndHasItsRealShape(EventType type) {
        EventDraft draft = SandboxEvents.draft(SANDBOX, type, Map.of(), NOW);
        assertThat(draft.type()).isEqualTo(type);
        assertThat(draft.data()).isNotEmpty();
        assertThat(draft.dedupKey().isPresent()).isEqualTo(type != EventType.WEBHOOK_TEST);
    }

    @Test
    void givenFieldsAreUsedAndTheRealDedupRuleApplies() {
        EventDraft first = SandboxEvents.draft(SANDBOX, EventType.EMAIL_CLICKED,
                Map.of("url", "https://acme.example/a", "stepIndex", 3, "clickedAt", "2026-03-19T10:00:00Z"), NOW);
        assertThat(first.data()).containsEntry("url", "https://acme.example/a").containsEntry("stepIndex", 3)
                .containsEntry("clickedAt", "2026-03-19T10:00:00.000Z");
        EventDraft sameDay = SandboxEvents.draft(SANDBOX, EventType.EMAIL_CLICKED,
                Map.of("url", "https://acme.example/a", "clickedAt", "2026-03-19T23:00:00Z"), NOW);
        EventDraft otherUrl = SandboxEvents.draft(SANDBOX, EventType.EMAIL_CLICKED,
                Map.of("url", "https://acme.example/b", "clickedAt", "2026-03-19T10:00:00Z"), NOW);
        assertThat(sameDay.dedupKey()).isEqualTo(first.dedupKey());
        assertThat(otherUrl.dedupKey()).isNotEqualTo(first.dedupKey());
    }

    @Test
    void badOrUnknownFieldsAreRefusedNamingThemUnderData() {
        assertThatThrownBy(() -> SandboxEvents.draft(SANDBOX, EventType.EMAIL_OPENED, Map.of("colour", "red"), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("data");
                    assertThat(e.getMessage()).contains("colour");
                });
        assertThatThrownBy(() -> SandboxEvents.draft(SANDBOX, EventType.EMAIL_OPENED, Map.of("stepIndex", "two"), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("data.stepIndex"));
        assertThatThrownBy(() -> SandboxEvents.draft(SANDBOX, EventType.EMAIL_CLICKED, Map.of("url", "ftp://x"), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("data.url"));
        assertThatThrownBy(() -> SandboxEvents.draft(SANDBOX, EventType.REPLY_RECEIVED, Map.of("mailboxId", "nope"), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("data.mailboxId"));
        assertThatThrownBy(() -> SandboxEvents.draft(SANDBOX, EventType.LIMIT_HIT, Map.of("limitType", "weekly"), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("data.limitType"));
    }

    @Test
    void statusesAndMilestonesAreOnlyOnesRealEventsCarry() {
        assertThat(SandboxEvents.draft(SANDBOX, EventType.WARMUP_HEALTH_CHANGED,
                Map.of("previousStatus", "fair", "status", "poor"), NOW).data())
                .containsEntry("previousStatus", "fair").containsEntry("status", "poor");
        assertThat(SandboxEvents.draft(SANDBOX, EventType.WARMUP_MILESTONE, Map.of("milestone", "excellent_health"), NOW)
                .data()).containsEntry("milestone", "excellent_health");
        assertThatThrownBy(() -> SandboxEvents.draft(SANDBOX, EventType.WARMUP_HEALTH_CHANGED, Map.of("status", "superb"), NOW))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("data.status must be one of excellent, good, fair, poor, insufficient_data.");
        assertThatThrownBy(() -> SandboxEvents.draft(SANDBOX, EventType.WARMUP_MILESTONE, Map.of("milestone", "day_8"), NOW))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("data.milestone must be one of day_7, day_14, day_30, daily_target, excellent_health.");
    }
}
