package io.warmy.adapters.webhook;

import io.warmy.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which URLs a webhook may call, under each operator setting; no test needs outside DNS. */
class NetworkUrlPolicyTest {

    private static final NetworkUrlPolicy PUBLIC_ONLY = new NetworkUrlPolicy(NetworkUrlPolicy.Settings.PUBLIC_ONLY);
    private static final NetworkUrlPolicy LOOPBACK_ALLOWED = new NetworkUrlPolicy(new NetworkUrlPolicy.Settings(true, false));
    private static final NetworkUrlPolicy PRIVATE_ALLOWED = new NetworkUrlPolicy(new NetworkUrlPolicy.Settings(false, true));
    private static final NetworkUrlPolicy BOTH_ALLOWED = new NetworkUrlPolicy(new NetworkUrlPolicy.Settings(true, true));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://93.184.216.34/x",
            "http://93.184.216.34:8080/hooks/warmy?token=abc",
            "HTTPS://93.184.216.34/upper-case-scheme",
            "https://[2606:2800:220:1:248:1893:25c8:1946]/x",
            "http://8.8.8.8/x#fragment"})
    void publicAddressesAreAlwaysAllowed(String url) {
        assertThatCode(() -> PUBLIC_ONLY.check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook",
            "http://127.8.9.10:8080/hook",
            "http://[::1]/hook",
            "http://[::ffff:127.0.0.1]/hook",
            "http://[::127.0.0.1]/hook",
            "http://2130706433/hook",
            "http://localhost:9000/hook"})
    void loopbackIsRefusedUnlessAllowed(String url) {
        assertRefused(PUBLIC_ONLY, url, "loopback address, which webhooks may not call unless the operator allows loopback addresses");
        assertRefused(PRIVATE_ALLOWED, url, "loopback");
        assertThatCode(() -> LOOPBACK_ALLOWED.check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://10.1.2.3/hook",
            "http://192.168.1.1/hook",
            "http://172.20.0.1/hook",
            "http://172.16.0.1/hook",
            "http://172.31.255.254/hook",
            "http://100.64.0.1/hook",
            "http://[fd00::1]/hook",
            "http://[fc00::1]/hook",
            "http://[::ffff:10.0.0.1]/hook",
            "http://[64:ff9b::c0a8:0101]/hook"})
    void privateRangesAreRefusedUnlessAllowed(String url) {
        assertRefused(PUBLIC_ONLY, url, "private address, which webhooks may not call unless the operator allows private addresses");
        assertRefused(LOOPBACK_ALLOWED, url, "private");
        assertThatCode(() -> PRIVATE_ALLOWED.check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://169.254.169.254/latest/meta-data | cloud metadata",
            "http://[::ffff:169.254.169.254]/latest/meta-data | cloud metadata",
            "http://[fd00:ec2::254]/latest/meta-data | cloud metadata",
            "http://100.100.100.200/latest/meta-data | cloud metadata",
            "http://169.254.1.1/ | link-local",
            "http://[fe80::1]/ | link-local",
            "http://0.0.0.0:8080/ | unspecified",
            "http://[::]/ | unspecified",
            "http://224.0.0.1/ | multicast",
            "http://[ff02::1]/ | multicast",
            "http://255.255.255.255/ | reserved"})
    void metadataLinkLocalUnspecifiedAndMulticastAreNeverAllowed(String url, String kind) {
        assertRefused(BOTH_ALLOWED, url, kind + " address, which webhooks may never call");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://93.184.216.34/file | absolute http:// or https:// URL",
            "ftp://x | absolute http:// or https:// URL",
            "mailto:ops@example.com | absolute http:// or https:// URL",
            "/relative/hook | absolute http:// or https:// URL",
            "http:opaque | absolute http:// or https:// URL",
            "http://user:pw@93.184.216.34/hook | user name or password",
            "http://user@93.184.216.34/hook | user name or password",
            "http:///no-host | must name a host",
            "http://127.1/hook | must name a host",
            "http://93.184.216.34:99999/hook | port",
            "http://93.184.216.34/a b | not a valid URL",
            "'   ' | must not be empty"})
    void malformedUrlsAreRefusedWhateverTheSettings(String url, String reason) {
        assertRefused(BOTH_ALLOWED, url, reason);
    }

    @Test
    void aUrlLongerThan2048CharactersIsRefused() {
        String url = "https://93.184.216.34/" + "a".repeat(3000);
        assertRefused(BOTH_ALLOWED, url, "at most 2048 characters");
        assertRefused(BOTH_ALLOWED, null, "must not be empty");
    }

    @Test
    void aHostThatCannotBeResolvedIsRefused() {
        NetworkUrlPolicy policy = new NetworkUrlPolicy(NetworkUrlPolicy.Settings.PUBLIC_ONLY, host -> {
            throw new UnknownHostException(host);
        });
        assertRefused(policy, "https://nowhere.invalid/hook", "url's host 'nowhere.invalid' cannot be resolved");
    }

    @Test
    void oneRefusedAddressAmongManyRefusesTheHostWithoutNamingTheAddress() {
        NetworkUrlPolicy policy = new NetworkUrlPolicy(NetworkUrlPolicy.Settings.PUBLIC_ONLY, host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
                InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})});

        assertThatThrownBy(() -> policy.check("https://rebind.example.com/hook"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("url's host 'rebind.example.com' resolves to a private address, which webhooks may not call"
                        + " unless the operator allows private addresses.")
                .hasMessageNotContaining("10.0.0.7");
    }

    private static void assertRefused(NetworkUrlPolicy policy, String url, String reason) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessageContaining(reason);
    }
}
