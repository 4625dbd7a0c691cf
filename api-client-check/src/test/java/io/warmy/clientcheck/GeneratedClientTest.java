package io.warmy.clientcheck;

import io.warmy.app.Warmy;
import io.warmy.app.WarmyConfig;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.generated.client.ApiClient;
import io.warmy.generated.client.ApiException;
import io.warmy.generated.client.api.AnalyticsApi;
import io.warmy.generated.client.api.ApiKeysApi;
import io.warmy.generated.client.api.EventsApi;
import io.warmy.generated.client.api.MailboxesApi;
import io.warmy.generated.client.api.SandboxApi;
import io.warmy.generated.client.api.SendingLimitsApi;
import io.warmy.generated.client.api.SuppressionsApi;
import io.warmy.generated.client.api.WarmupApi;
import io.warmy.generated.client.api.WebhooksApi;
import io.warmy.generated.client.api.WorkspaceApi;
import io.warmy.generated.client.model.ConnectMailboxRequest;
import io.warmy.generated.client.model.CreateApiKeyRequest;
import io.warmy.generated.client.model.CreateWebhookRequest;
import io.warmy.generated.client.model.CreatedWebhookEndpoint;
import io.warmy.generated.client.model.Delivery;
import io.warmy.generated.client.model.IssuedApiKey;
import io.warmy.generated.client.model.Mailbox;
import io.warmy.generated.client.model.RecoverDeliveriesRequest;
import io.warmy.generated.client.model.SuppressRequest;
import io.warmy.generated.client.model.TriggerEventRequest;
import io.warmy.generated.client.model.TriggeredEvent;
import io.warmy.generated.client.model.UpdateMailboxRequest;
import io.warmy.generated.client.model.UpdateSendingLimitsRequest;
import io.warmy.generated.client.model.UpdateWarmupSettingsRequest;
import io.warmy.generated.client.model.UpdateWebhookRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A customer's view of the contract: a Java client generated from /api/v1/openapi.json by OpenAPI
 * Generator (at build time, from the document the server serves) calls every route of a running
 * server, reads every answer into its typed models, and maps errors to exceptions with the
 * documented status.
 */
class GeneratedClientTest {

    @TempDir
    Path dataDir;

    private static ApiClient client(Warmy warmy, String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + warmy.httpPort() + "/api/v1");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }

    @Test
    void aGeneratedClientCallsEveryRoute() throws Exception {
        WarmyConfig config = new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.empty(), "", "",
                4, dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS);
        try (Warmy warmy = Warmy.start(config, Clock.system())) {
            List<CreateApiKey.Issued> keys = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys();
            ApiClient live = client(warmy, keys.get(0).secret());
            ApiClient sandbox = client(warmy, keys.get(1).secret());

            assertThat(new WorkspaceApi(live).getWorkspace().getName()).isEqualTo("default");

            ApiKeysApi apiKeys = new ApiKeysApi(live);
            IssuedApiKey issued = apiKeys.createApiKey(new CreateApiKeyRequest().name("generated").rateLimitPerHour(5000),
                    "create-key-1");
            assertThat(issued.getKey()).startsWith("wk_live_");
            assertThat(issued.getRateLimitPerHour()).isEqualTo(5000);
            assertThat(apiKeys.listApiKeys(10, null).getData()).hasSize(3);
            assertThat(apiKeys.revokeApiKey(issued.getId()).getRevokedAt()).isNotNull();

            MailboxesApi mailboxes = new MailboxesApi(live);
            Mailbox mailbox = mailboxes.connectMailbox(new ConnectMailboxRequest().email("gen@acme.example")
                    .provider(ConnectMailboxRequest.ProviderEnum.GOOGLE).displayName("Gen").dailyLimit(70), "connect-1");
            String id = mailbox.getId();
            assertThat(mailboxes.listMailboxes(10, null, "connected", "google", null).getData()).hasSize(1);
            assertThat(mailboxes.getMailbox(id).getEmail()).isEqualTo("gen@acme.example");
            assertThat(mailboxes.updateMailbox(id, new UpdateMailboxRequest().dailyLimit(90)).getDailyLimit()).isEqualTo(90);

            WarmupApi warmup = new WarmupApi(live);
            assertThat(warmup.getWarmup(id).getSettings()).isNotNull();
            assertThat(warmup.updateWarmupSettings(id, new UpdateWarmupSettingsRequest().dailyTarget(60)).getMailboxId())
                    .isEqualTo(id);
            assertThat(warmup.pauseWarmup(id, null).getStatus().getValue()).isEqualTo("paused");
            assertThat(warmup.resumeWarmup(id, null).getStatus().getValue()).isEqualTo("active");

            AnalyticsApi analytics = new AnalyticsApi(live);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            assertThat(analytics.getStats(id, today.minusDays(6), today).getDaily()).hasSize(7);
            assertThat(analytics.getHealth(id).getStatus().getValue()).isEqualTo("insufficient_data");

            EventsApi events = new EventsApi(live);
            var connected = events.listEvents(10, null, "mailbox.connected", OffsetDateTime.now().minusHours(1), null);
            assertThat(connected.getData()).hasSize(1);
            assertThat(events.getEvent(connected.getData().get(0).getId()).getType().getValue()).isEqualTo("mailbox.connected");

            SuppressionsApi suppressions = new SuppressionsApi(live);
            assertThat(suppressions.suppressAddress(new SuppressRequest().email("gone@prospect.example"), null).getEmail())
                    .isEqualTo("gone@prospect.example");
            assertThat(suppressions.listSuppressions(10, null).getData()).hasSize(1);
            assertThat(suppressions.removeSuppression("gone@prospect.example").getDeleted()).isTrue();

            SendingLimitsApi limits = new SendingLimitsApi(live);
            assertThat(limits.getSendingLimits().getDomainDailyLimit()).isPositive();
            assertThat(limits.updateSendingLimits(new UpdateSendingLimitsRequest().domainDailyLimit(300))
                    .getDomainDailyLimit()).isEqualTo(300);

            WebhooksApi webhooks = new WebhooksApi(live);
            CreatedWebhookEndpoint hook = webhooks.createWebhook(new CreateWebhookRequest().url(java.net.URI.create("http://127.0.0.1:9/hooks"))
                    .addEventsItem(CreateWebhookRequest.EventsEnum.fromValue("*")).description("generated"), null);
            assertThat(hook.getSecret()).startsWith("whsec_");
            assertThat(webhooks.listWebhooks(10, null).getData()).hasSize(1);
            assertThat(webhooks.getWebhook(hook.getId()).getUrl()).hasToString("http://127.0.0.1:9/hooks");
            assertThat(webhooks.updateWebhook(hook.getId(), new UpdateWebhookRequest().description("renamed"))
                    .getDescription()).isEqualTo("renamed");
            Delivery test = webhooks.testWebhook(hook.getId(), null).getDelivery();
            assertThat(webhooks.listDeliveries(hook.getId(), 10, null, null, "webhook.test").getData())
                    .extracting(Delivery::getId).contains(test.getId());
            assertThat(webhooks.rotateWebhookSecret(hook.getId(), null).getSecret()).startsWith("whsec_");
            assertThat(webhooks.recoverDeliveries(hook.getId(),
                    new RecoverDeliveriesRequest().since(OffsetDateTime.now().minusDays(1)), null).getRequeued()).isZero();
            // Only a failed delivery may be retried: the client reads the documented 409 problem.
            assertThatThrownBy(() -> webhooks.retryDelivery(hook.getId(), test.getId(), null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(409);
                        assertThat(e.getResponseBody()).contains("\"code\":\"delivery_not_failed\"");
                    });
            assertThat(webhooks.deleteWebhook(hook.getId()).getDeleted()).isTrue();

            TriggeredEvent triggered = new SandboxApi(sandbox).triggerSandboxEvent(
                    new TriggerEventRequest().type(TriggerEventRequest.TypeEnum.fromValue("email.clicked")), null);
            assertThat(triggered.getType().getValue()).isEqualTo("email.clicked");

            assertThat(mailboxes.disconnectMailbox(id).getStatus().getValue()).isEqualTo("disconnected");
            assertThatThrownBy(() -> mailboxes.getMailbox("mbx_01KAT5QW3M7S1Z8XJ9VDQ4B2NC"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        }
    }
}
