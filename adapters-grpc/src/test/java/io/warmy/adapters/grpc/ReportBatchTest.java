package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.ReportClickRequest;
import io.warmy.proto.v1.ReportOpenRequest;
import io.warmy.proto.v1.ReportReplyRequest;
import io.warmy.proto.v1.SignalReport;
import io.warmy.proto.v1.SignalResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.warmy.adapters.grpc.GrpcFixture.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

/** The ReportBatch stream: results in order with their correlation ids, bad reports answered with errors, the stream kept open. */
class ReportBatchTest {

    private static final Instant EARLIER = GrpcFixture.START.minus(Duration.ofHours(3));

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();
    private final String mailboxId = grpc.connect(ws, Mode.MODE_LIVE, "ana@acme.example").getId();
    private final Results results = new Results();
    private final StreamObserver<SignalReport> reports = grpc.eventsAsync().reportBatch(results);

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void eachReportIsAnsweredInOrderAndABadOneDoesNotEndTheStream() throws Exception {
        reports.onNext(item("r1").setClick(click()).build());
        reports.onNext(item("r2").setClick(click().setProspectEmail("not-an-address")).build());
        reports.onNext(item("r3").setClick(click()).build());
        reports.onNext(item("r4").setOpen(open().setMailboxId("mbx_01KKTXZ98J3ZD5KEC1M9VP2THY")).build());
        reports.onNext(item("r5").build());
        reports.onNext(item("r6").setClick(click().setClickedAt(timestamp(GrpcFixture.START.plus(Duration.ofDays(1)))))
                .build());

        List<SignalResult> answered = results.take(6);
        assertThat(answered).extracting(SignalResult::getCorrelationId)
                .containsExactly("r1", "r2", "r3", "r4", "r5", "r6");

        assertThat(answered.get(0).getRecorded().getDuplicate()).isFalse();
        assertThat(answered.get(2).getRecorded().getEventId()).isEqualTo(answered.get(0).getRecorded().getEventId());
        assertThat(answered.get(2).getRecorded().getDuplicate()).isTrue();

        assertThat(answered.get(1).getError().getCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answered.get(1).getError().getField()).isEqualTo("prospect_email");
        assertThat(answered.get(1).getError().getMessage()).contains("not-an-address");
        assertThat(answered.get(3).getError().getCode()).isEqualTo("NOT_FOUND");
        assertThat(answered.get(3).getError().getReason()).isEqualTo("mailbox_not_found");
        assertThat(answered.get(4).getError().getCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answered.get(4).getError().getField()).isEqualTo("report");
        assertThat(answered.get(5).getError().getField()).isEqualTo("clicked_at");

        // still open after the errors
        reports.onNext(item("r7").setReply(reply()).build());
        SignalResult seventh = results.take(1).getFirst();
        assertThat(seventh.getCorrelationId()).isEqualTo("r7");
        assertThat(seventh.hasRecorded()).isTrue();

        reports.onCompleted();
        results.completed.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theEnvelopeNamesTheWorkspaceAndModeOfReportsThatNameNone() throws Exception {
        reports.onNext(SignalReport.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setCorrelationId("a")
                .setClick(click().clearWorkspaceId().clearMode()).build());
        reports.onNext(SignalReport.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_SANDBOX).setCorrelationId("b")
                .setClick(click()).build());
        reports.onNext(SignalReport.newBuilder().setWorkspaceId(grpc.workspace()).setCorrelationId("c")
                .setClick(click()).build());
        reports.onNext(SignalReport.newBuilder().setCorrelationId("d")
                .setClick(click().clearMode()).build());

        List<SignalResult> answered = results.take(4);
        assertThat(answered.get(0).getRecorded().getDuplicate()).isFalse();
        assertThat(answered.get(1).getError().getField()).isEqualTo("mode");
        assertThat(answered.get(2).getError().getField()).isEqualTo("workspace_id");
        assertThat(answered.get(3).getError().getField()).isEqualTo("mode");
        reports.onCompleted();
        results.completed.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLongBatchIsAnsweredCompletelyAndInOrder() throws Exception {
        int count = 500;
        for (int i = 0; i < count; i++) {
            reports.onNext(item("c" + i).setClick(click().setUrl("https://acme.example/p/" + (i % 50))).build());
        }
        reports.onCompleted();

        List<SignalResult> answered = results.take(count);
        results.completed.get(10, TimeUnit.SECONDS);
        assertThat(answered).extracting(SignalResult::getCorrelationId)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count).mapToObj(i -> "c" + i).toList());
        assertThat(answered.stream().filter(r -> !r.getRecorded().getDuplicate()).count()).isEqualTo(50);
    }

    @Test
    void reportsAboutOneProspectAreRecordedInTheOrderSentSoTheFirstOfDuplicatesIsTheOneRecorded() throws Exception {
        int prospects = 20;
        int count = 400;
        for (int i = 0; i < count; i++) {
            int p = i % prospects;
            reports.onNext(item("c" + i).setOpen(open().setProspectId("p_" + p).setProspectEmail("p" + p + "@prospect.example"))
                    .build());
        }
        reports.onCompleted();

        List<SignalResult> answered = results.take(count);
        results.completed.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            SignalResult r = answered.get(i);
            assertThat(r.getCorrelationId()).isEqualTo("c" + i);
            assertThat(r.getRecorded().getDuplicate()).as("report %d", i).isEqualTo(i >= prospects);
            assertThat(r.getRecorded().getEventId()).as("report %d", i)
                    .isEqualTo(answered.get(i % prospects).getRecorded().getEventId());
        }
    }

    private static SignalReport.Builder item(String correlationId) {
        return SignalReport.newBuilder().setCorrelationId(correlationId);
    }

    private ReportClickRequest.Builder click() {
        return ReportClickRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_42")
                .setProspectEmail("bob@prospect.example").setCampaignId("c_1").setMailboxId(mailboxId)
                .setStepIndex(0).setUrl("https://acme.example/pricing").setClickedAt(timestamp(EARLIER));
    }

    private ReportOpenRequest.Builder open() {
        return ReportOpenRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_42")
                .setProspectEmail("bob@prospect.example").setCampaignId("c_1").setMailboxId(mailboxId)
                .setOpenedAt(timestamp(EARLIER));
    }

    private ReportReplyRequest.Builder reply() {
        return ReportReplyRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setProspectId("p_42")
                .setProspectEmail("bob@prospect.example").setCampaignId("c_1").setMailboxId(mailboxId)
                .setMessageId("<r1@prospect.example>").setReceivedAt(timestamp(EARLIER));
    }

    /** What the server streams back, as the test reads it. */
    private static final class Results implements StreamObserver<SignalResult> {
        private final LinkedBlockingQueue<SignalResult> queue = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> completed = new CompletableFuture<>();

        List<SignalResult> take(int n) throws InterruptedException {
            List<SignalResult> taken = new ArrayList<>();
            while (taken.size() < n) {
                SignalResult next = queue.poll(5, TimeUnit.SECONDS);
                assertThat(next).as("result %d of %d", taken.size() + 1, n).isNotNull();
                taken.add(next);
            }
            return taken;
        }

        @Override
        public void onNext(SignalResult value) {
            queue.add(value);
        }

        @Override
        public void onError(Throwable t) {
            completed.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            completed.complete(null);
        }
    }
}
