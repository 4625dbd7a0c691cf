package io.warmy.adapters.grpc;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gRPC server through a real loopback socket: health, reflection, the shared token, the bind address. */
class GrpcServerTest {

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

    private ManagedChannel connect() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        return channel;
    }

    @Test
    void theHealthServiceAnswersServingAndFollowsReadiness() {
        server = GrpcServer.start(GrpcServer.Settings.loopback(0), List.of());
        var health = HealthGrpc.newBlockingStub(connect());
        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
        server.setServing(false);
        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
    }

    @Test
    void reflectionListsTheServicesOnOffer() throws Exception {
        server = GrpcServer.start(GrpcServer.Settings.loopback(0), List.of());
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        var requests = ServerReflectionGrpc.newStub(connect()).serverReflectionInfo(new StreamObserver<>() {
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
                .map(s -> s.getName()).toList();
        requests.onCompleted();
        assertThat(names).contains("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");
    }

    @Test
    void aRequiredSharedTokenKeepsOutCallersWithoutIt() {
        server = GrpcServer.start(new GrpcServer.Settings("127.0.0.1", 0, Optional.of("s3cret")),
                List.of(new EchoService()));
        Channel plain = connect();
        // the standard health service stays open for load balancers and orchestrators
        assertThat(HealthGrpc.newBlockingStub(plain).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(ServingStatus.SERVING);

        assertThatThrownBy(() -> EchoService.call(plain, new byte[]{1}))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> EchoService.call(withToken(plain, "Bearer s3creX"), new byte[]{1}))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThat(EchoService.call(withToken(plain, "Bearer s3cret"), new byte[]{7, 8})).containsExactly(7, 8);
    }

    private static Channel withToken(Channel channel, String authorization) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
        return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Test
    void theDefaultBindIsLoopbackOnly() {
        server = GrpcServer.start(GrpcServer.Settings.loopback(0), List.of());
        assertThat(GrpcServer.Settings.loopback(0).host()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
    }
}
