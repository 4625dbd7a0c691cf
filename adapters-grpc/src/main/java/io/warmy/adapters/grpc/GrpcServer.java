package io.warmy.adapters.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The internal gRPC API's server: Warmy's services plus the standard health service and server
 * reflection (so grpcurl and generated clients can discover it). Binds to loopback unless told
 * otherwise, and can require a shared token from every caller.
 */
public final class GrpcServer implements AutoCloseable {

    /** Where to listen and whom to let in. {@code sharedToken} empty means no token is asked for. */
    public record Settings(String host, int port, Optional<String> sharedToken) {
        public static Settings loopback(int port) {
            return new Settings("127.0.0.1", port, Optional.empty());
        }
    }

    private final Server server;
    private final HealthStatusManager health;

    private GrpcServer(Server server, HealthStatusManager health) {
        this.server = server;
        this.health = health;
    }

    public static GrpcServer start(Settings settings, List<BindableService> services) {
        HealthStatusManager health = new HealthStatusManager();
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()))
                .maxInboundMessageSize(1024 * 1024)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        for (BindableService service : services) {
            builder.addService(settings.sharedToken()
                    .map(token -> ServerInterceptors.intercept(service, new SharedTokenInterceptor(token)))
                    .orElseGet(service::bindService));
        }
        try {
            Server server = builder.build().start();
            GrpcServer started = new GrpcServer(server, health);
            started.setServing(true);
            for (BindableService service : services) {
                health.setStatus(service.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING);
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for gRPC on " + settings.host() + ":" + settings.port(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** Reports the whole server serving or not (e.g. while its database is unreachable). */
    public void setServing(boolean serving) {
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES,
                serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
    }

    @Override
    public void close() {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
