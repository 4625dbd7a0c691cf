package io.warmy.adapters.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.warmy.proto.v1.ReportResponse;
import io.warmy.proto.v1.SignalError;
import io.warmy.proto.v1.SignalReport;
import io.warmy.proto.v1.SignalResult;

import java.util.function.Function;

/**
 * One {@code ReportBatch} stream: each report is answered, in order, by a result that echoes its
 * correlation id, and a report that fails is answered with its error while the stream goes on.
 * Reports are read one at a time and only while the client keeps reading results, so a fast
 * producer cannot pile results up in the server's memory.
 */
final class SignalBatch implements StreamObserver<SignalReport> {

    private final ServerCallStreamObserver<SignalResult> results;
    private final Function<SignalReport, ReportResponse> record;
    /** Set when a report was answered while the client was not reading; grpc runs all callbacks of a call one at a time. */
    private volatile boolean waitingForReader;

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
        call.request(1);
        return batch;
    }

    @Override
    public void onNext(SignalReport report) {
        results.onNext(answer(report));
        if (results.isReady()) {
            results.request(1);
        } else {
            waitingForReader = true;
        }
    }

    private void readerReady() {
        if (waitingForReader && results.isReady()) {
            waitingForReader = false;
            results.request(1);
        }
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
        results.onCompleted();
    }
}
