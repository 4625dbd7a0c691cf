package io.warmy.application.webhook.port.in;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.WebhookEndpoint;

import java.util.List;

/**
 * A customer's webhook endpoints: create (the signing secret is shown in that answer only), list,
 * read, change, delete, and rotate the secret (the old one keeps signing beside the new for 24 h).
 */
public interface ManageWebhooks {

    /** @param events event type wire names, or {@code ["*"]} for every type */
    record CreateCommand(Tenant tenant, String url, List<String> events, String description) {
    }

    /** Null leaves a field as it is. */
    record UpdateCommand(String url, List<String> events, String description, Boolean enabled) {
    }

    /** An endpoint and, this once, its full signing secret. */
    record WithSecret(WebhookEndpoint endpoint, String secret) {
        @Override
        public String toString() {
            return "WithSecret[" + endpoint.id() + "]";
        }
    }

    WithSecret create(CreateCommand command);

    Page<WebhookEndpoint> list(Tenant tenant, PageRequest page);

    WebhookEndpoint get(Tenant tenant, String webhookId);

    WebhookEndpoint update(Tenant tenant, String webhookId, UpdateCommand command);

    WebhookEndpoint delete(Tenant tenant, String webhookId);

    WithSecret rotateSecret(Tenant tenant, String webhookId);
}
