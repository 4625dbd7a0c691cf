package io.warmy.adapters.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.warmy.application.MovableClock;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.proto.v1.AdminServiceGrpc;
import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.Mailbox;
import io.warmy.proto.v1.MailboxServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.Provider;
import io.warmy.proto.v1.SendingServiceGrpc;
import io.warmy.proto.v1.SuppressionServiceGrpc;
import io.warmy.proto.v1.TrackingServiceGrpc;
import io.warmy.proto.v1.WarmupServiceGrpc;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The gRPC API on the real use cases over an in-memory store, served in-process and reached
 * through a real channel and the generated stubs, on a clock the test moves.
 */
final class GrpcFixture implements AutoCloseable {

    /** A Monday morning, UTC. */
    static final Instant START = Instant.parse("2026-03-16T09:00:00Z");
    private static final AtomicInteger NAMES = new AtomicInteger();

    final MovableClock clock = new MovableClock(START);
    final ServiceGraph graph = ServiceGraph.on(new InMemoryStore(), clock);
    private final Server server;
    private final ManagedChannel channel;

    GrpcFixture() {
        this(GrpcFixture::useCases);
    }

    /** Serves the API on the use cases {@code wiring} picks from the graph (e.g. one replaced by a failing stand-in). */
    GrpcFixture(Function<ServiceGraph, GrpcApi.UseCases> wiring) {
        String name = "warmy-grpc-test-" + NAMES.incrementAndGet();
        InProcessServerBuilder builder = InProcessServerBuilder.forName(name);
        new GrpcApi(wiring.apply(graph), clock).services().forEach(builder::addService);
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).build();
    }

    static GrpcApi.UseCases useCases(ServiceGraph g) {
        return new GrpcApi.UseCases(g.mailboxes(), g.mailboxes(), g.mailboxes(), g.mailboxes(), g.warmup(), g.warmup(),
                g.warmup(), g.warmup(), g.sending(), g.signals(), g.suppressions(), g.suppressions(), g.tenancy(),
                g.warmupReports(), g.tracking());
    }

    MailboxServiceGrpc.MailboxServiceBlockingStub mailboxes() {
        return MailboxServiceGrpc.newBlockingStub(channel);
    }

    WarmupServiceGrpc.WarmupServiceBlockingStub warmup() {
        return WarmupServiceGrpc.newBlockingStub(channel);
    }

    SendingServiceGrpc.SendingServiceBlockingStub sending() {
        return SendingServiceGrpc.newBlockingStub(channel);
    }

    EventIngestServiceGrpc.EventIngestServiceBlockingStub events() {
        return EventIngestServiceGrpc.newBlockingStub(channel);
    }

    EventIngestServiceGrpc.EventIngestServiceStub eventsAsync() {
        return EventIngestServiceGrpc.newStub(channel);
    }

    SuppressionServiceGrpc.SuppressionServiceBlockingStub suppressions() {
        return SuppressionServiceGrpc.newBlockingStub(channel);
    }

    AdminServiceGrpc.AdminServiceBlockingStub admin() {
        return AdminServiceGrpc.newBlockingStub(channel);
    }

    TrackingServiceGrpc.TrackingServiceBlockingStub tracking() {
        return TrackingServiceGrpc.newBlockingStub(channel);
    }

    /** A new workspace's id. */
    /** The channel to the server, for calls made without a generated stub. */
    ManagedChannel channel() {
        return channel;
    }

    String workspace() {
        return graph.tenancy().createWorkspace("Workspace " + NAMES.incrementAndGet()).id().value();
    }

    Mailbox connect(String workspaceId, Mode mode, String email) {
        return mailboxes().connect(ConnectMailboxRequest.newBuilder().setWorkspaceId(workspaceId).setMode(mode)
                .setEmail(email).setProvider(Provider.PROVIDER_GOOGLE).build());
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** The failure of a call that must fail, with its status code checked. */
    static StatusRuntimeException failure(ThrowingCallable call, Status.Code code) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(e).as("the call fails").isNotNull();
        assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
        return e;
    }

    /** Asserts INVALID_ARGUMENT naming {@code field} in the description and in a BadRequest detail. */
    static StatusRuntimeException invalid(ThrowingCallable call, String field) {
        StatusRuntimeException e = failure(call, Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).contains(field);
        assertThat(badRequestField(e)).contains(field);
        return e;
    }

    static Optional<String> badRequestField(StatusRuntimeException e) {
        return details(e, BadRequest.class).map(b -> b.getFieldViolations(0).getField());
    }

    static Optional<String> reason(StatusRuntimeException e) {
        return details(e, ErrorInfo.class).map(ErrorInfo::getReason);
    }

    private static <T extends com.google.protobuf.Message> Optional<T> details(StatusRuntimeException e, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return Optional.empty();
        }
        return status.getDetailsList().stream().filter(any -> any.is(type)).findFirst().map(any -> {
            try {
                return any.unpack(type);
            } catch (InvalidProtocolBufferException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
