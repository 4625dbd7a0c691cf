package io.warmy.adapters.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.warmy.proto.v1.ReportResponse;
import io.warmy.proto.v1.SignalError;
import io.warmy.proto.v1.SignalReport;
import io.warmy.proto.v1.SignalResult;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * One {@code ReportBatch} stream: each report is answered, in order, by a result that echoes its
 * correlation id, and a report that fails is answered with its error while the stream goes on.
 * <p>Up to {@link #IN_FLIGHT} reports are recorded at once (their transactions then commit in
 * groups), while reports about the same prospect are recorded one after another in the order
 * sent, so the first of two duplicates is the one recorded. More reports are read only while the
 * client keeps reading results, so a fast producer cannot pile results up in the server's memory.
 */
final class SignalBatch implements StreamObserver<SignalReport> {

    /** Reports read but not yet answered, at most. */
    static final int IN_FLIGHT = 64;

    private static final ExecutorService RECORDERS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("signal-batch-", 0).factory());

    /** A report read, and its result once recorded. */
    private static final class Pending {
        final CompletableFuture<SignalResult> result = new CompletableFuture<>();
        final String prospect;

        Pending(String prospect) {
            this.prospect = prospect;
        }
    }

    private final ServerCallStreamObserver<SignalResult> results;
    private final Function<SignalReport, ReportResponse> record;
    /** Guards everything below and every call on {@link #results}, which must not be made at once. */
    private final Object lock = new Object();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** The last report read about each prospect still pending: the next one about them waits for it. */
    private final Map<String, Pending> lastOfProspect = new HashMap<>();
    /** Reports that may be requested once the client reads again. */
    private int owed;
    private boolean halfClosed;
    private boolean finished;

    private SignalBatch(ServerCallStreamObserver<SignalResult> results, Function<SignalReport, ReportResponse> record) {
        this.results = results;
        this.record = record;
    }

    static StreamObserver<SignalReport> open(StreamObserver<SignalResult> results,
                                             Function<SignalReport, ReportResponse> record) {
        ServerCallStreamObserver<SignalResult> call = (ServerCallStreamObserver<SignalResult>) results;
        SignalBatch batch = new SignalBatch(call, record);
        call.disableAutoRequest();
        call.setOnReadyHandler(batch::readerReady);
        // Without a handler, answering a report after the client cancelled would throw; the stream just ends.
        call.setOnCancelHandler(() -> { });
        call.request(IN_FLIGHT);
        return batch;
    }

    @Override
    public void onNext(SignalReport report) {
        Pending mine = new Pending(prospectOf(report));
        Pending before;
        synchronized (lock) {
            pending.add(mine);
            before = lastOfProspect.put(mine.prospect, mine);
        }
        CompletableFuture<?> turn = before == null ? CompletableFuture.completedFuture(null)
                : before.result.handle((r, e) -> null);
        turn.thenRunAsync(() -> {
            mine.result.complete(answer(report));
            answerReady();
        }, RECORDERS);
    }

    /** Sends every result at the head of the line that is ready, and asks for as many reports more. */
    private void answerReady() {
        synchronized (lock) {
            while (!pending.isEmpty() && pending.peek().result.isDone()) {
                Pending done = pending.poll();
                lastOfProspect.remove(done.prospect, done);
                results.onNext(done.result.join());
                owed++;
            }
            requestOwed();
            if (halfClosed && pending.isEmpty() && !finished) {
                finished = true;
                results.onCompleted();
            }
        }
    }

    private void readerReady() {
        synchronized (lock) {
            requestOwed();
        }
    }

    private void requestOwed() {
        if (owed > 0 && !halfClosed && results.isReady()) {
            results.request(owed);
            owed = 0;
        }
    }

    /** The prospect a report is about: reports about one are recorded in order. */
    private static String prospectOf(SignalReport report) {
        String email = switch (report.getReportCase()) {
            case REPLY -> report.getReply().getProspectEmail();
            case BOUNCE -> report.getBounce().getProspectEmail();
            case UNSUBSCRIBE -> report.getUnsubscribe().getProspectEmail();
            case OPEN -> report.getOpen().getProspectEmail();
            case CLICK -> report.getClick().getProspectEmail();
            case REPORT_NOT_SET -> "";
        };
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private SignalResult answer(SignalReport report) {
        SignalResult.Builder result = SignalResult.newBuilder().setCorrelationId(report.getCorrelationId());
        try {
            return result.setRecorded(record.apply(report)).build();
        } catch (RuntimeException e) {
            Failures.Failure failure = Failures.of(e);
            return result.setError(SignalError.newBuilder()
                    .setCode(failure.code().name())
                    .setMessage(failure.message())
                    .setField(failure.field())
                    .setReason(failure.reason()))
                    .build();
        }
    }

    @Override
    public void onError(Throwable t) {
        // The client cancelled or broke the stream: there is no one left to answer.
    }

    @Override
    public void onCompleted() {
        synchronized (lock) {
            halfClosed = true;
        }
        answerReady();
    }
}
