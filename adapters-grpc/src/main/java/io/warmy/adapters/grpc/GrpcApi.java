package io.warmy.adapters.grpc;

import io.grpc.BindableService;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.event.port.in.RecordSignal;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.mailbox.port.in.DisconnectMailbox;
import io.warmy.application.mailbox.port.in.GetMailbox;
import io.warmy.application.mailbox.port.in.ListMailboxes;
import io.warmy.application.sending.port.in.ReserveSend;
import io.warmy.application.suppression.port.in.CheckSuppression;
import io.warmy.application.suppression.port.in.SuppressAddress;
import io.warmy.application.tenancy.port.in.ProvisionWorkspace;
import io.warmy.application.tracking.port.in.MintLinks;
import io.warmy.application.warmup.port.in.GetWarmupStatus;
import io.warmy.application.warmup.port.in.PauseWarmup;
import io.warmy.application.warmup.port.in.ReportWarmup;
import io.warmy.application.warmup.port.in.ResumeWarmup;
import io.warmy.application.warmup.port.in.UpdateWarmupSettings;

import java.util.List;
import java.util.Objects;

/**
 * The internal gRPC API ({@code warmy.v1}) as an inbound adapter: the composition root builds it
 * from the use cases and {@link #serve serves} it, or passes {@link #services()} to
 * {@link GrpcServer#start}. Protobuf types stay inside this module; the services map them to the
 * use cases' commands at the edge.
 */
public final class GrpcApi {

    /** The use cases the API calls, one per inbound port, so that the composition root wires them by hand. */
    public record UseCases(ConnectMailbox connectMailbox, DisconnectMailbox disconnectMailbox, GetMailbox getMailbox,
                           ListMailboxes listMailboxes, GetWarmupStatus getWarmupStatus, PauseWarmup pauseWarmup,
                           ResumeWarmup resumeWarmup, UpdateWarmupSettings updateWarmupSettings,
                           ReserveSend reserveSend, RecordSignal recordSignal, SuppressAddress suppressAddress,
                           CheckSuppression checkSuppression, ProvisionWorkspace provisionWorkspace,
                           ReportWarmup reportWarmup, MintLinks mintLinks) {

        public UseCases {
            Objects.requireNonNull(connectMailbox, "connectMailbox");
            Objects.requireNonNull(disconnectMailbox, "disconnectMailbox");
            Objects.requireNonNull(getMailbox, "getMailbox");
            Objects.requireNonNull(listMailboxes, "listMailboxes");
            Objects.requireNonNull(getWarmupStatus, "getWarmupStatus");
            Objects.requireNonNull(pauseWarmup, "pauseWarmup");
            Objects.requireNonNull(resumeWarmup, "resumeWarmup");
            Objects.requireNonNull(updateWarmupSettings, "updateWarmupSettings");
            Objects.requireNonNull(reserveSend, "reserveSend");
            Objects.requireNonNull(recordSignal, "recordSignal");
            Objects.requireNonNull(suppressAddress, "suppressAddress");
            Objects.requireNonNull(checkSuppression, "checkSuppression");
            Objects.requireNonNull(provisionWorkspace, "provisionWorkspace");
            Objects.requireNonNull(reportWarmup, "reportWarmup");
            Objects.requireNonNull(mintLinks, "mintLinks");
        }
    }

    private final UseCases useCases;
    private final Clock clock;

    /** An API that counts mailboxes' warmup days by the system clock. */
    public GrpcApi(UseCases useCases) {
        this(useCases, Clock.system());
    }

    /** An API that counts mailboxes' warmup days up to today by {@code clock}, the clock the use cases run on. */
    public GrpcApi(UseCases useCases, Clock clock) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The seven services: MailboxService, WarmupService, SendingService, EventIngestService,
     * SuppressionService, AdminService and TrackingService. They share one workspace check, so a
     * workspace found by one is not looked up again by the next for a while.
     */
    public List<BindableService> services() {
        Tenants tenants = new Tenants(useCases.provisionWorkspace(), clock);
        return List.of(
                new MailboxGrpcService(new MailboxGrpcService.UseCases(useCases.connectMailbox(),
                        useCases.disconnectMailbox(), useCases.getMailbox(), useCases.listMailboxes()), tenants, clock),
                new WarmupGrpcService(new WarmupGrpcService.UseCases(useCases.getWarmupStatus(),
                        useCases.pauseWarmup(), useCases.resumeWarmup(), useCases.updateWarmupSettings(),
                        useCases.reportWarmup()), tenants),
                new SendingGrpcService(useCases.reserveSend(), tenants),
                new EventIngestGrpcService(useCases.recordSignal(), tenants),
                new SuppressionGrpcService(useCases.suppressAddress(), useCases.checkSuppression(), tenants),
                new AdminGrpcService(useCases.provisionWorkspace(), tenants),
                new TrackingGrpcService(useCases.mintLinks(), tenants));
    }

    /**
     * Starts a {@link GrpcServer} serving {@link #services()}, so that the composition root needs
     * no gRPC type of its own.
     */
    public GrpcServer serve(GrpcServer.Settings settings) {
        return GrpcServer.start(settings, services());
    }
}
