package io.warmy.adapters.grpc;

import io.grpc.stub.StreamObserver;
import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.mailbox.port.in.DisconnectMailbox;
import io.warmy.application.mailbox.port.in.GetMailbox;
import io.warmy.application.mailbox.port.in.ListMailboxes;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.proto.v1.ConnectMailboxRequest;
import io.warmy.proto.v1.DisconnectMailboxRequest;
import io.warmy.proto.v1.GetMailboxRequest;
import io.warmy.proto.v1.ListMailboxesRequest;
import io.warmy.proto.v1.ListMailboxesResponse;
import io.warmy.proto.v1.Mailbox;
import io.warmy.proto.v1.MailboxServiceGrpc;

import java.time.LocalDate;

/** {@code warmy.v1.MailboxService}: connect, disconnect, read and list a workspace's mailboxes. */
final class MailboxGrpcService extends MailboxServiceGrpc.MailboxServiceImplBase {

    /** The use cases behind this service. */
    record UseCases(ConnectMailbox connect, DisconnectMailbox disconnect, GetMailbox get, ListMailboxes list) {
    }

    private final UseCases useCases;
    private final Tenants tenants;
    private final Clock clock;

    MailboxGrpcService(UseCases useCases, Tenants tenants, Clock clock) {
        this.useCases = useCases;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public void connect(ConnectMailboxRequest request, StreamObserver<Mailbox> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            EmailAddress email = RequestFields.email(request.getEmail(), "email");
            Provider provider = MailboxMessages.provider(request.getProviderValue(), "provider");
            if (provider == null) {
                throw new InvalidValueException("provider",
                        "provider is required: PROVIDER_GOOGLE, PROVIDER_MICROSOFT or PROVIDER_SMTP.");
            }
            var command = new ConnectMailbox.Command(tenant, email, provider,
                    request.hasDisplayName() ? request.getDisplayName() : null,
                    request.hasDailyLimit() ? request.getDailyLimit() : null);
            return message(useCases.connect().connect(command));
        });
    }

    @Override
    public void disconnect(DisconnectMailboxRequest request, StreamObserver<Mailbox> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            String mailboxId = RequestFields.mailboxId(request.getMailboxId()).value();
            String reason = request.getReason().isEmpty() ? DisconnectMailbox.REQUESTED : request.getReason();
            return message(useCases.disconnect().disconnect(tenant, mailboxId, reason));
        });
    }

    @Override
    public void get(GetMailboxRequest request, StreamObserver<Mailbox> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            return message(useCases.get().get(tenant, RequestFields.mailboxId(request.getMailboxId()).value()));
        });
    }

    @Override
    public void list(ListMailboxesRequest request, StreamObserver<ListMailboxesResponse> response) {
        Calls.unary(response, () -> {
            Tenant tenant = tenants.of(request.getWorkspaceId(), request.getModeValue());
            PageRequest page = RequestFields.page(request.getPageSize(), request.getPageToken());
            MailboxFilter filter = new MailboxFilter(MailboxMessages.status(request.getStatusValue(), "status"),
                    MailboxMessages.provider(request.getProviderValue(), "provider"),
                    MailboxMessages.warmupStatus(request.getWarmupStatusValue(), "warmup_status"));
            Page<io.warmy.domain.mailbox.Mailbox> found;
            try {
                found = useCases.list().list(tenant, filter, page);
            } catch (MalformedException e) {
                // A token that decodes but names no mailbox is caught only here, as the use case's "cursor".
                throw "cursor".equals(e.field()) ? RequestFields.badPageToken() : e;
            }
            LocalDate today = today();
            ListMailboxesResponse.Builder answer = ListMailboxesResponse.newBuilder();
            found.items().forEach(m -> answer.addMailboxes(MailboxMessages.mailbox(m, today)));
            return answer.setNextPageToken(found.nextCursor() == null ? "" : found.nextCursor()).build();
        });
    }

    private Mailbox message(io.warmy.domain.mailbox.Mailbox m) {
        return MailboxMessages.mailbox(m, today());
    }

    /** The warmup day a mailbox shows is counted up to today (UTC) by the clock the use cases run on. */
    private LocalDate today() {
        return io.warmy.domain.mailbox.Mailbox.day(clock.now());
    }
}
