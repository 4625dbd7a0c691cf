package io.warmy.adapters.grpc;

import com.google.protobuf.Timestamp;

import java.time.Instant;

/** Instants as protobuf Timestamps, for answers (requests are read by {@link RequestFields#time}). */
final class ProtoTime {

    private ProtoTime() {
    }

    static Timestamp of(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
