package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;

import java.util.function.Supplier;

/** Runs a unary call's work and answers its result, or its failure as {@link Failures} maps it. */
final class Calls {

    private Calls() {
    }

    static <T> void unary(StreamObserver<T> response, Supplier<T> work) {
        T answer;
        try {
            answer = work.get();
        } catch (RuntimeException e) {
            response.onError(Failures.status(e));
            return;
        }
        response.onNext(answer);
        response.onCompleted();
    }
}
