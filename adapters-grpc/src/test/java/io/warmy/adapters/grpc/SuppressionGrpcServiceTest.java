package io.warmy.adapters.grpc;

import io.warmy.proto.v1.CheckSuppressionRequest;
import io.warmy.proto.v1.CheckSuppressionResponse;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.SuppressRequest;
import io.warmy.proto.v1.SuppressResponse;
import io.warmy.proto.v1.SuppressionReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.warmy.adapters.grpc.GrpcFixture.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** SuppressionService over a real channel: manual entries, checks, normalised addresses, modes kept apart. */
class SuppressionGrpcServiceTest {

    private final GrpcFixture grpc = new GrpcFixture();
    private final String ws = grpc.workspace();

    @AfterEach
    void shutDown() throws InterruptedException {
        grpc.close();
    }

    @Test
    void aSuppressedAddressIsOnTheListOnceWhateverItsSpelling() {
        SuppressResponse first = grpc.suppressions().suppress(suppress(" Bob@Prospect.example ").setProspectId("p_7").build());

        assertThat(first.getAdded()).isTrue();
        assertThat(first.getSuppression().getEmail()).isEqualTo("bob@prospect.example");
        assertThat(first.getSuppression().getReason()).isEqualTo(SuppressionReason.SUPPRESSION_REASON_MANUAL);
        assertThat(first.getSuppression().getProspectId()).isEqualTo("p_7");
        assertThat(first.getSuppression().getCreatedAt()).isEqualTo(GrpcFixture.timestamp(GrpcFixture.START));

        SuppressResponse again = grpc.suppressions().suppress(suppress("bob@prospect.example")
                .setReason(SuppressionReason.SUPPRESSION_REASON_UNSUBSCRIBE).build());
        assertThat(again.getAdded()).isFalse();
        assertThat(again.getSuppression()).isEqualTo(first.getSuppression());

        CheckSuppressionResponse checked = grpc.suppressions().check(check("BOB@prospect.example", Mode.MODE_LIVE));
        assertThat(checked.getSuppressed()).isTrue();
        assertThat(checked.getSuppression()).isEqualTo(first.getSuppression());
    }

    @Test
    void anAddressNotOnTheListIsNotSuppressedAndSandboxEntriesStayInTheSandbox() {
        grpc.suppressions().suppress(suppress("bob@prospect.example").setMode(Mode.MODE_SANDBOX).build());

        CheckSuppressionResponse live = grpc.suppressions().check(check("bob@prospect.example", Mode.MODE_LIVE));
        assertThat(live.getSuppressed()).isFalse();
        assertThat(live.hasSuppression()).isFalse();
        assertThat(grpc.suppressions().check(check("bob@prospect.example", Mode.MODE_SANDBOX)).getSuppressed()).isTrue();
    }

    @Test
    void aMalformedAddressOrUnknownReasonIsInvalidArgument() {
        invalid(() -> grpc.suppressions().suppress(suppress("bob at prospect").build()), "email");
        invalid(() -> grpc.suppressions().check(check("", Mode.MODE_LIVE)), "email");
        invalid(() -> grpc.suppressions().suppress(suppress("bob@prospect.example").setReasonValue(9).build()), "reason");
    }

    private SuppressRequest.Builder suppress(String email) {
        return SuppressRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE).setEmail(email);
    }

    private CheckSuppressionRequest check(String email, Mode mode) {
        return CheckSuppressionRequest.newBuilder().setWorkspaceId(ws).setMode(mode).setEmail(email).build();
    }
}
