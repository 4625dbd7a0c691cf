package io.warmy.bench;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.ReportOpenRequest;
import io.warmy.proto.v1.SignalReport;
import io.warmy.proto.v1.SignalResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gRPC load generator, in a process of its own: {@code email.opened} reports of distinct
 * prospects (so none is a duplicate) to the internal {@code EventIngestService}.
 * <ul>
 *   <li>{@code unary TARGET WORKSPACE MAILBOX CALLERS SECONDS TAG}: ReportOpen from CALLERS threads</li>
 *   <li>{@code stream TARGET WORKSPACE MAILBOX 1 COUNT TAG}: COUNT reports on one ReportBatch stream,
 *       at most 1,000 unanswered at a time</li>
 * </ul>
 */
public final class GrpcLoad {

    public static void main(String[] args) throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forTarget(args[1]).usePlaintext().build();
        try {
            String workspace = args[2];
            String mailbox = args[3];
            int callers = Integer.parseInt(args[4]);
            String tag = args[6];
            switch (args[0]) {
                case "unary" -> unary(channel, workspace, mailbox, callers, Integer.parseInt(args[5]), tag);
                case "stream" -> stream(channel, workspace, mailbox, Integer.parseInt(args[5]), tag);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static ReportOpenRequest open(String workspace, String mailbox, String prospect) {
        Instant now = Instant.now();
        return ReportOpenRequest.newBuilder().setWorkspaceId(workspace).setMode(Mode.MODE_LIVE).setProspectId(prospect)
                .setProspectEmail(prospect + "@bench.example").setCampaignId("c-bench").setMailboxId(mailbox)
                .setStepIndex(0).setOpenedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
    }

    private static void unary(ManagedChannel channel, String workspace, String mailbox, int callers, int seconds, String tag)
            throws InterruptedException {
        EventIngestServiceGrpc.EventIngestServiceBlockingStub stub = EventIngestServiceGrpc.newBlockingStub(channel);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < callers; t++) {
            int caller = t;
            long[] mine = new long[100_001];
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    var answer = stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                            .reportOpen(open(workspace, mailbox, "p-" + tag + "-" + caller + "-" + n));
                    if (answer.getDuplicate()) {
                        throw new IllegalStateException("a distinct prospect was taken for a duplicate");
                    }
                    if (n < mine.length - 1) {
                        mine[n] = System.nanoTime() - t0;
                    }
                    n++;
                    done.incrementAndGet();
                }
                mine[mine.length - 1] = Math.min(n, mine.length - 1);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(m -> java.util.Arrays.stream(m, 0, (int) m[m.length - 1])).toArray();
        Bench.result(Bench.object().put("perSecond", done.get() / elapsed).put("count", done.get())
                .put("p50Ms", Bench.percentile(all, 50) / 1e6).put("p99Ms", Bench.percentile(all, 99) / 1e6));
    }

    private static void stream(ManagedChannel channel, String workspace, String mailbox, int count, String tag)
            throws InterruptedException {
        Semaphore window = new Semaphore(1000);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicLong recorded = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        StreamObserver<SignalReport> requests = EventIngestServiceGrpc.newStub(channel).reportBatch(new StreamObserver<>() {
            @Override
            public void onNext(SignalResult result) {
                if (result.hasError()) {
                    failure.compareAndSet(null, new IllegalStateException(result.getError().toString()));
                } else {
                    recorded.incrementAndGet();
                }
                window.release();
            }

            @Override
            public void onError(Throwable t) {
                failure.compareAndSet(null, t);
                finished.countDown();
                window.release(1000);
            }

            @Override
            public void onCompleted() {
                finished.countDown();
            }
        });
        for (int i = 0; i < count && failure.get() == null; i++) {
            window.acquire();
            requests.onNext(SignalReport.newBuilder().setCorrelationId(Integer.toString(i))
                    .setOpen(open(workspace, mailbox, "p-" + tag + "-" + i)).build());
        }
        requests.onCompleted();
        if (!finished.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the stream did not finish");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a report failed", failure.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Bench.result(Bench.object().put("perSecond", recorded.get() / elapsed).put("count", recorded.get()));
    }
}
