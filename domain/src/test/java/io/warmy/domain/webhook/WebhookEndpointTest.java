package io.warmy.domain.webhook;

import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEndpointTest {

    private static final Instant T = Instant.parse("2026-03-20T14:30:00Z");
    private static final Tenant TENANT = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.SANDBOX);

    private static WebhookEndpoint endpoint() {
        return WebhookEndpoint.create(new WebhookEndpointId("we_01JD4S3K2M9V6QW8XR5T7YB0CE"), TENANT,
                "https://hooks.example/in", Subscription.ALL, "", WebhookSecret.fromRandom(new byte[32]), T);
    }

    @Test
    void aSecretIsWhsecAndStandardBase64OfItsRandomBytes() {
        byte[] random = new byte[32];
        random[0] = 7;
        WebhookSecret s = WebhookSecret.fromRandom(random);
        assertThat(s.reveal()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(s.reveal().substring(6))).isEqualTo(random);
        assertThat(s.toString()).doesNotContain(s.reveal().substring(6));
        assertThat(WebhookSecret.of(s.reveal())).isEqualTo(s);
        assertThatThrownBy(() -> WebhookSecret.of("whsec_" + Base64.getEncoder().encodeToString(new byte[8])))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void duringARotationBothSecretsSignForADayNewestFirst() {
        WebhookEndpoint e = endpoint();
        WebhookSecret next = WebhookSecret.fromRandom(new byte[40]);
        WebhookEndpoint rotated = e.rotate(next, T);
        assertThat(rotated.signingSecrets(T.plusSeconds(1))).containsExactly(next.reveal(), e.secret().reveal());
        assertThat(rotated.signingSecrets(T.plus(Duration.ofHours(24)))).containsExactly(next.reveal());
    }

    @Test
    void subscriptionsReadTheApisEventsArray() {
        assertThat(Subscription.parse(List.of("*"))).isEqualTo(Subscription.ALL);
        Subscription two = Subscription.parse(List.of("email.clicked", "reply.received"));
        assertThat(two.includes(EventType.EMAIL_CLICKED)).isTrue();
        assertThat(two.includes(EventType.EMAIL_OPENED)).isFalse();
        assertThat(two.wireNames()).containsExactly("reply.received", "email.clicked");
        assertThatThrownBy(() -> Subscription.parse(List.of("email.clicked", "email.bogus", "nope")))
                .isInstanceOfSatisfying(InvalidValueException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("events");
                    assertThat(ex.getMessage()).contains("email.bogus").contains("nope");
                });
        assertThatThrownBy(() -> Subscription.parse(List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Subscription.parse(List.of("*", "email.clicked"))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example", "hooks.example/in", "https://", "https://user:pw@hooks.example/in",
            "javascript:alert(1)", ""})
    void onlyAbsoluteWebUrlsWithoutCredentialsAreEndpoints(String url) {
        assertThatThrownBy(() -> WebhookEndpoint.requireUrl(url))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("url"));
    }

    @Test
    void disablingByHandSaysSoAndEnablingClearsIt() {
        WebhookEndpoint off = endpoint().update(null, null, null, false, T);
        assertThat(off.disabledReason()).isEqualTo(WebhookEndpoint.DISABLED_BY_USER);
        assertThat(off.update(null, null, "renamed", null, T).disabledReason()).isEqualTo(WebhookEndpoint.DISABLED_BY_USER);
        assertThat(off.update(null, null, null, true, T).disabledReason()).isNull();
    }
}
