package io.warmy.application.webhook.port.out;

/**
 * Which webhook URLs may be called: http(s) only, and not addresses in private, loopback,
 * link-local or cloud-metadata ranges unless the operator allows them. Checked when an endpoint
 * is created or changed, and again at delivery (DNS may change in between).
 */
public interface EndpointUrlPolicy {

    /** @throws io.warmy.domain.common.InvalidValueException naming {@code url} when the URL may not be called */
    void check(String url);
}
