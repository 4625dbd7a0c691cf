package io.warmy.adapters.grpc;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz pass over every unary method of the internal gRPC API: requests with every field set to
 * hostile values (empty, huge, negative, unknown enum numbers, injection strings, odd ids, another
 * workspace), generated from the methods' own descriptors with a fixed seed. No call ends in
 * UNKNOWN or INTERNAL, and no status description shows a stack trace or SQL.
 */
class HostileGrpcInputTest {

    private static final int CALLS_PER_METHOD = 150;
    private static final Set<Status.Code> FAULTS = EnumSet.of(Status.Code.UNKNOWN, Status.Code.INTERNAL,
            Status.Code.DATA_LOSS);
    private static final String[] STRINGS = {"", " ", "x".repeat(5000), "' OR '1'='1", "<script>", "\u0000",
            "ws_01KKTXZ98J3ZD5KEC1M9VP2THY", "mbx_01KKTXZ98J3ZD5KEC1M9VP2THY", "not an id", "ws_", "anna@acme.example",
            "ANNA@ACME.EXAMPLE ", "a@b", "https://acme.example/x", "javascript:alert(1)", "\uD83D\uDCA9", "-1",
            "9999999999999999999999", "${jndi:ldap://x}", "%00", "../../etc/passwd"};

    private final GrpcFixture grpc = new GrpcFixture();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void noHostileRequestToAnyMethodEndsInAFaultOrLeaksInternals() {
        String workspace = grpc.workspace();
        String mailbox = grpc.connect(workspace, io.warmy.proto.v1.Mode.MODE_LIVE, "fuzz@acme.example").getId();
        Random random = new Random(20261124);
        List<String> methods = new ArrayList<>();
        int calls = 0;
        for (BindableService service : new GrpcApi(GrpcFixture.useCases(grpc.graph), grpc.clock).services()) {
            for (ServerMethodDefinition<?, ?> definition : service.bindService().getMethods()) {
                MethodDescriptor<?, ?> method = definition.getMethodDescriptor();
                if (method.getType() != MethodDescriptor.MethodType.UNARY) {
                    continue; // the batch stream answers bad items in place; ReportBatchTest covers it
                }
                methods.add(method.getFullMethodName());
                Message prototype = (Message) ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller())
                        .getMessagePrototype();
                for (int i = 0; i < CALLS_PER_METHOD; i++) {
                    Message request = hostile(prototype.newBuilderForType(), random, workspace, mailbox);
                    call(method, request);
                    calls++;
                }
            }
        }
        assertThat(methods).hasSizeGreaterThan(20);
        assertThat(calls).isEqualTo(methods.size() * CALLS_PER_METHOD);
    }

    @SuppressWarnings("unchecked")
    private void call(MethodDescriptor<?, ?> method, Message request) {
        try {
            ClientCalls.blockingUnaryCall(grpc.channel(), (MethodDescriptor<Message, ?>) method, CallOptions.DEFAULT,
                    request);
        } catch (StatusRuntimeException e) {
            String what = method.getFullMethodName() + " " + request.toString().replace('\n', ' ');
            assertThat(e.getStatus().getCode()).as(what + " -> " + e.getStatus()).isNotIn(FAULTS);
            String description = String.valueOf(e.getStatus().getDescription());
            assertThat(description).as(what).doesNotContain("Exception", "\tat ", "SQL", "java.");
        }
    }

    private Message hostile(Message.Builder builder, Random random, String workspace, String mailbox) {
        for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
            if (random.nextInt(5) == 0) {
                continue; // left unset
            }
            Object value = value(field, builder, random, workspace, mailbox);
            if (value == null) {
                continue;
            }
            if (field.isRepeated()) {
                builder.addRepeatedField(field, value);
            } else {
                builder.setField(field, value);
            }
        }
        return builder.build();
    }

    private Object value(FieldDescriptor field, Message.Builder builder, Random random, String workspace, String mailbox) {
        return switch (field.getJavaType()) {
            case STRING -> {
                if (field.getName().equals("workspace_id") && random.nextBoolean()) {
                    yield workspace;
                }
                if (field.getName().equals("mailbox_id") && random.nextBoolean()) {
                    yield mailbox;
                }
                yield STRINGS[random.nextInt(STRINGS.length)];
            }
            case INT -> new int[] {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2001, 7}[random.nextInt(7)];
            case LONG -> new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 42}[random.nextInt(5)];
            case DOUBLE -> new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e308}[random.nextInt(5)];
            case FLOAT -> new float[] {0, -1, Float.NaN, 1e38f}[random.nextInt(4)];
            case BOOLEAN -> random.nextBoolean();
            case ENUM -> {
                List<EnumValueDescriptor> values = field.getEnumType().getValues();
                yield values.get(random.nextInt(values.size()));
            }
            case BYTE_STRING -> com.google.protobuf.ByteString.copyFrom(new byte[random.nextInt(64)]);
            case MESSAGE -> {
                if (field.getMessageType().getFullName().equals(Timestamp.getDescriptor().getFullName())) {
                    long[] seconds = {0, -62135596800L, 253402300799L, 1774000000L, System.currentTimeMillis() / 1000};
                    yield Timestamp.newBuilder().setSeconds(seconds[random.nextInt(seconds.length)])
                            .setNanos(random.nextInt(1_000_000_000)).build();
                }
                Message.Builder nested = builder.newBuilderForField(field);
                yield random.nextInt(3) == 0 ? null : hostile(nested, random, workspace, mailbox);
            }
        };
    }
}
