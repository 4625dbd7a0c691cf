package io.warmy.adapters.grpc;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.proto.v1.AuthResult;
import io.warmy.proto.v1.AuthenticationResults;
import io.warmy.proto.v1.GetWarmupStatusRequest;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Placement;
import io.warmy.proto.v1.ReportPlacementRequest;
import io.warmy.proto.v1.ReportWarmupReplyRequest;
import io.warmy.proto.v1.ReportWarmupSendRequest;
import io.warmy.proto.v1.Warmup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.warmy.adapters.grpc.GrpcFixture.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forty-five days of one mailbox's warmup as the warmup network reports it over gRPC: each day
 * the planned volume is sent and placed (a few early mails land in spam and are moved to the
 * inbox two days later), some are answered. The event log must then hold each milestone once
 * and health changes that are changes of band only, chained one to the next.
 */
class WarmupSimulationTest {

    private static final int DAYS = 45;
    /** Early mails that land in spam: one in six, while the warmup is young. */
    private static final int LAST_DAY_WITH_SPAM = 10;
    private static final int SPAM_EVERY = 6;
    private static final int RESCUED_AFTER_DAYS = 2;
    private static final int FIRST_DAY_AUTHENTICATED = 3;
    private static final int REPLY_EVERY = 3;

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();
    private final String mailboxId = grpc.connect(ws, Mode.MODE_LIVE, "ana@example.com").getId();
    private final Tenant tenant = new Tenant(new WorkspaceId(ws), io.warmy.domain.tenancy.Mode.LIVE);

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void fortyFiveDaysOfReportsReachEachMilestoneOnceAndChangeHealthOnlyBetweenBands() {
        List<List<String>> inSpam = new ArrayList<>();
        for (int day = 1; day <= DAYS; day++) {
            Warmup status = status();
            assertThat(status.getDay()).isEqualTo(day);
            int planned = status.getPlannedToday();
            assertThat(planned).isEqualTo(Math.min(2 + 2 * (day - 1), 40));

            if (day > RESCUED_AFTER_DAYS) {
                for (String messageId : inSpam.get(day - 1 - RESCUED_AFTER_DAYS)) {
                    assertThat(place(messageId, Placement.PLACEMENT_INBOX, day)).isTrue();
                }
            }
            List<String> spamToday = new ArrayList<>();
            for (int i = 0; i < planned; i++) {
                String messageId = "d" + day + "-m" + i;
                assertThat(send(messageId)).isTrue();
                boolean spam = day <= LAST_DAY_WITH_SPAM && i % SPAM_EVERY == SPAM_EVERY - 1;
                assertThat(place(messageId, spam ? Placement.PLACEMENT_SPAM : Placement.PLACEMENT_INBOX, day)).isTrue();
                if (spam) {
                    spamToday.add(messageId);
                } else if (i % REPLY_EVERY == 0) {
                    assertThat(reply(messageId)).isTrue();
                }
            }
            inSpam.add(spamToday);
            assertThat(send("d" + day + "-m0")).as("a repeated send").isFalse();
            assertThat(status().getSentToday()).isEqualTo(planned);

            nextDay();
        }

        List<Event> milestones = events(EventType.WARMUP_MILESTONE);
        Map<Object, Long> perName = milestones.stream()
                .collect(Collectors.groupingBy(e -> e.data().get("milestone"), Collectors.counting()));
        assertThat(perName).containsOnly(Map.entry("day_7", 1L), Map.entry("day_14", 1L), Map.entry("day_30", 1L),
                Map.entry("daily_target", 1L), Map.entry("excellent_health", 1L));
        assertThat(reachedOn(milestones, "day_7")).isEqualTo(warmupDay(7));
        assertThat(reachedOn(milestones, "day_14")).isEqualTo(warmupDay(14));
        assertThat(reachedOn(milestones, "day_30")).isEqualTo(warmupDay(30));
        assertThat(reachedOn(milestones, "daily_target")).isEqualTo(warmupDay(20));

        List<Event> changes = events(EventType.WARMUP_HEALTH_CHANGED);
        assertThat(changes).isNotEmpty();
        assertThat(changes.getFirst().data().get("previousStatus")).isEqualTo("insufficient_data");
        assertThat(changes.getLast().data().get("status")).isEqualTo("excellent");
        for (int i = 0; i < changes.size(); i++) {
            Map<String, Object> change = changes.get(i).data();
            assertThat(change.get("status")).as("change %d", i).isNotEqualTo(change.get("previousStatus"));
            if (i > 0) {
                Map<String, Object> before = changes.get(i - 1).data();
                assertThat(change.get("previousStatus")).as("change %d", i).isEqualTo(before.get("status"));
            }
        }
    }

    private boolean send(String messageId) {
        return grpc.warmup().reportWarmupSend(ReportWarmupSendRequest.newBuilder().setWorkspaceId(ws)
                .setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).setMessageId(messageId)
                .setSentAt(timestamp(tick())).build()).getCounted();
    }

    private boolean place(String messageId, Placement placement, int day) {
        ReportPlacementRequest.Builder report = ReportPlacementRequest.newBuilder().setWorkspaceId(ws)
                .setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).setMessageId(messageId).setPlacement(placement)
                .setPlacedAt(timestamp(tick()));
        AuthResult dmarc = day >= FIRST_DAY_AUTHENTICATED ? AuthResult.AUTH_RESULT_PASS : AuthResult.AUTH_RESULT_NONE;
        report.setAuthentication(AuthenticationResults.newBuilder().setSpf(AuthResult.AUTH_RESULT_PASS)
                .setDkim(AuthResult.AUTH_RESULT_PASS).setDmarc(dmarc));
        return grpc.warmup().reportPlacement(report.build()).getCounted();
    }

    private boolean reply(String messageId) {
        return grpc.warmup().reportWarmupReply(ReportWarmupReplyRequest.newBuilder().setWorkspaceId(ws)
                .setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).setMessageId(messageId)
                .setRepliedAt(timestamp(tick())).build()).getCounted();
    }

    private Warmup status() {
        return grpc.warmup().getStatus(GetWarmupStatusRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setMailboxId(mailboxId).build());
    }

    /** Each report a few seconds after the last, as a watcher reports them; a day's reports all fall on that day. */
    private Instant tick() {
        grpc.clock.advance(Duration.ofSeconds(3));
        return grpc.clock.now();
    }

    /** On to the same time of the next day, so the warmup day moves by exactly one. */
    private void nextDay() {
        Instant now = grpc.clock.now();
        Instant next = warmupDay(2 + (int) Duration.between(GrpcFixture.START, now).toDays())
                .atTime(9, 0).toInstant(ZoneOffset.UTC);
        grpc.clock.advance(Duration.between(now, next));
    }

    private static LocalDate warmupDay(int day) {
        return LocalDate.ofInstant(GrpcFixture.START, ZoneOffset.UTC).plusDays(day - 1);
    }

    private static LocalDate reachedOn(List<Event> milestones, String name) {
        return milestones.stream().filter(e -> name.equals(e.data().get("milestone"))).findFirst()
                .map(e -> LocalDate.ofInstant(Instant.parse((String) e.data().get("reachedAt")), ZoneOffset.UTC))
                .orElseThrow();
    }

    /** The mailbox's events of one type, oldest first, read page by page from the event log. */
    private List<Event> events(EventType type) {
        List<Event> newestFirst = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<Event> page = grpc.graph.signals().list(tenant, new EventQuery(type, null, null),
                    new PageRequest(PageRequest.MAX_LIMIT, after));
            newestFirst.addAll(page.items());
            after = page.hasMore() ? Optional.of(page.items().getLast().id().value()) : Optional.empty();
        } while (after.isPresent());
        return newestFirst.reversed().stream().filter(e -> mailboxId.equals(e.data().get("mailboxId")))
                .collect(Collectors.toList());
    }
}
