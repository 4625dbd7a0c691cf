package io.warmy.adapters.grpc;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.warmy.application.MovableClock;
import io.warmy.application.testing.InMemoryStore;
import io.warmy.application.testing.ServiceGraph;
import io.warmy.proto.v1.ListMailboxesRequest;
import io.warmy.proto.v1.MailboxServiceGrpc;
import io.warmy.proto.v1.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's services on the real server over loopback TCP: discoverable by reflection, reported by health, callable. */
class GrpcApiTest {

    private GrpcServer server;
    private ManagedChannel channel;

    @AfterEach
    void shutDown() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyServiceIsServedDiscoverableAndHealthy() throws Exception {
        MovableClock clock = new MovableClock(GrpcFixture.START);
        ServiceGraph graph = ServiceGraph.on(new InMemoryStore(), clock);
        server = new GrpcApi(GrpcFixture.useCases(graph), clock).serve(GrpcServer.Settings.loopback(0));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();

        List<String> services = List.of("warmy.v1.MailboxService", "warmy.v1.WarmupService", "warmy.v1.SendingService",
                "warmy.v1.EventIngestService", "warmy.v1.SuppressionService", "warmy.v1.AdminService",
                "warmy.v1.TrackingService");
        assertThat(reflectedServices()).containsAll(services);
        for (String service : services) {
            assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService(service).build())
                    .getStatus()).as(service).isEqualTo(ServingStatus.SERVING);
        }

        String ws = graph.tenancy().createWorkspace("Acme").id().value();
        assertThat(MailboxServiceGrpc.newBlockingStub(channel).list(ListMailboxesRequest.newBuilder()
                .setWorkspaceId(ws).setMode(Mode.MODE_LIVE).build()).getMailboxesList()).isEmpty();
    }

    private List<String> reflectedServices() throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        var requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        List<String> names = answer.get(5, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(ServiceResponse::getName).toList();
        requests.onCompleted();
        return names;
    }
}
