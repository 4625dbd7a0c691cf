package io.warmy.adapters.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a call in only with {@code authorization: Bearer <shared token>}: the platform's own
 * services share one token with this server. Compared in constant time.
 */
final class SharedTokenInterceptor implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] expected;

    SharedTokenInterceptor(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                        ServerCallHandler<Q, R> next) {
        String presented = headers.get(AUTHORIZATION);
        byte[] bytes = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != expected.length || !MessageDigest.isEqual(bytes, expected)) {
            call.close(Status.UNAUTHENTICATED.withDescription("missing or wrong 'authorization: Bearer <token>'"),
                    new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(call, headers);
    }
}
