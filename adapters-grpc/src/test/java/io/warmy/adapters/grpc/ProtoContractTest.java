package io.warmy.adapters.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.warmy.proto.v1.AdminProto;
import io.warmy.proto.v1.EventsProto;
import io.warmy.proto.v1.MailboxProto;
import io.warmy.proto.v1.SendingProto;
import io.warmy.proto.v1.SuppressionProto;
import io.warmy.proto.v1.TrackingProto;
import io.warmy.proto.v1.WarmupProto;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the warmy.v1 contract that a reader of the .proto files relies on, checked on the compiled descriptors. */
class ProtoContractTest {

    /** Requests that cannot name a workspace and mode, for the reason their .proto gives. */
    private static final Set<String> WITHOUT_TENANT = Set.of("warmy.v1.CreateWorkspaceRequest");
    /** Requests that name a workspace but no mode. */
    private static final Set<String> WITHOUT_MODE = Set.of("warmy.v1.RevokeApiKeyRequest");

    private static final List<ServiceDescriptor> SERVICES = List.of(
            MailboxProto.getDescriptor().findServiceByName("MailboxService"),
            WarmupProto.getDescriptor().findServiceByName("WarmupService"),
            SendingProto.getDescriptor().findServiceByName("SendingService"),
            EventsProto.getDescriptor().findServiceByName("EventIngestService"),
            SuppressionProto.getDescriptor().findServiceByName("SuppressionService"),
            AdminProto.getDescriptor().findServiceByName("AdminService"),
            TrackingProto.getDescriptor().findServiceByName("TrackingService"));

    @Test
    void theServicesOfferExactlyTheirContractedMethods() {
        assertThat(SERVICES).extracting(s -> s.getName() + ":" + s.getMethods().stream().map(MethodDescriptor::getName).toList())
                .containsExactly(
                        "MailboxService:[Connect, Disconnect, Get, List]",
                        "WarmupService:[GetStatus, Pause, Resume, UpdateSettings, ReportWarmupSend, ReportPlacement, ReportWarmupReply]",
                        "SendingService:[ReserveSend]",
                        "EventIngestService:[ReportReply, ReportBounce, ReportUnsubscribe, ReportOpen, ReportClick, ReportBatch]",
                        "SuppressionService:[Suppress, Check]",
                        "AdminService:[CreateWorkspace, CreateApiKey, RevokeApiKey]",
                        "TrackingService:[MintLinks]");
        MethodDescriptor batch = SERVICES.get(3).findMethodByName("ReportBatch");
        assertThat(batch.isClientStreaming()).isTrue();
        assertThat(batch.isServerStreaming()).isTrue();
    }

    @Test
    void everyRequestNamesItsWorkspaceAndModeInItsFirstTwoFields() {
        for (ServiceDescriptor service : SERVICES) {
            for (MethodDescriptor method : service.getMethods()) {
                Descriptor request = method.getInputType();
                if (WITHOUT_TENANT.contains(request.getFullName())) {
                    continue;
                }
                FieldDescriptor workspace = request.findFieldByNumber(1);
                assertThat(workspace).as(request.getFullName()).isNotNull();
                assertThat(workspace.getName()).as(request.getFullName()).isEqualTo("workspace_id");
                assertThat(workspace.getType()).isEqualTo(FieldDescriptor.Type.STRING);
                FieldDescriptor mode = request.findFieldByNumber(2);
                if (WITHOUT_MODE.contains(request.getFullName())) {
                    assertThat(mode).as(request.getFullName()).isNull();
                    continue;
                }
                assertThat(mode).as(request.getFullName()).isNotNull();
                assertThat(mode.getName()).isEqualTo("mode");
                assertThat(mode.getEnumType().getFullName()).isEqualTo("warmy.v1.Mode");
            }
        }
    }

    @Test
    void everyReportAnswersItsEventIdAndWhetherItWasADuplicate() {
        for (MethodDescriptor method : SERVICES.get(3).getMethods()) {
            if (method.getName().equals("ReportBatch")) {
                continue;
            }
            Descriptor answer = method.getOutputType();
            assertThat(answer.getFields()).extracting(f -> f.getNumber() + " " + f.getName() + " " + f.getType())
                    .containsExactly("1 event_id STRING", "2 duplicate BOOL");
        }
    }

    @Test
    void everyWarmupReportNamesItsMailboxAndMessageAndAnswersWhetherItWasCounted() {
        List<String> reports = List.of("ReportWarmupSend", "ReportPlacement", "ReportWarmupReply");
        for (String name : reports) {
            MethodDescriptor method = SERVICES.get(1).findMethodByName(name);
            Descriptor request = method.getInputType();
            assertThat(request.getFields()).as(name).extracting(f -> f.getNumber() + " " + f.getName())
                    .contains("3 mailbox_id", "4 message_id");
            assertThat(method.getOutputType().getFields()).as(name)
                    .extracting(f -> f.getNumber() + " " + f.getName() + " " + f.getType())
                    .containsExactly("1 counted BOOL");
        }
    }
}
