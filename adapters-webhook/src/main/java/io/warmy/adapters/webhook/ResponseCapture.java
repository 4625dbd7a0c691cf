package io.warmy.adapters.webhook;

import io.warmy.domain.webhook.DeliveryOutcome;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Takes one response's status line and headers, and at most {@link DeliveryOutcome#MAX_SNIPPET}
 * bytes of its body for the attempt log; then it stops reading and lets the connection go, so a
 * receiver that answers with megabytes costs us one KiB. What was read stays readable after the
 * attempt is cut short by its deadline.
 */
final class ResponseCapture implements HttpResponse.BodyHandler<Void> {

    private final Object lock = new Object();
    private final byte[] snippet = new byte[DeliveryOutcome.MAX_SNIPPET];
    private int length;
    private Flow.Subscription subscription;
    private boolean aborted;
    private volatile HttpResponse.ResponseInfo info;

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo responseInfo) {
        this.info = responseInfo;
        return new SnippetSubscriber();
    }

    /** The status and headers, once they have arrived. */
    Optional<HttpResponse.ResponseInfo> info() {
        return Optional.ofNullable(info);
    }

    /** Stops reading the body; safe to call at any time, from any thread, more than once. */
    void abort() {
        Flow.Subscription s;
        synchronized (lock) {
            aborted = true;
            s = subscription;
        }
        if (s != null) {
            s.cancel();
        }
    }

    /** The body read so far, decoded leniently: bytes that are not UTF-8 become U+FFFD. */
    String snippet() {
        synchronized (lock) {
            int end = length == snippet.length ? completeSequencesEnd(snippet, length) : length;
            return new String(snippet, 0, end, StandardCharsets.UTF_8);
        }
    }

    /** Where the last whole UTF-8 sequence ends, so a character cut in two by the limit is dropped, not garbled. */
    static int completeSequencesEnd(byte[] bytes, int length) {
        for (int back = 1; back <= Math.min(3, length); back++) {
            int b = bytes[length - back] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? length - back : length;
            }
        }
        return length;
    }

    private final class SnippetSubscriber implements HttpResponse.BodySubscriber<Void> {

        private final CompletableFuture<Void> done = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            boolean cancel;
            synchronized (lock) {
                subscription = s;
                cancel = aborted;
            }
            if (cancel) {
                s.cancel();
                done.complete(null);
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            boolean full;
            Flow.Subscription s;
            synchronized (lock) {
                s = subscription;
                for (ByteBuffer item : items) {
                    int take = Math.min(item.remaining(), snippet.length - length);
                    item.get(snippet, length, take);
                    length += take;
                }
                full = length == snippet.length || aborted;
            }
            if (full) {
                s.cancel();
                done.complete(null);
            } else {
                s.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            // The status has arrived, and it is the answer; a body cut short only shortens the snippet.
            done.complete(null);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }
    }
}
