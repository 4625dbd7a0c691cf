package io.warmy.adapters.webhook;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which kind of network an IP address belongs to, as far as a server calling it on a customer's
 * behalf is concerned. An IPv6 address that carries an IPv4 address (mapped, compatible, NAT64,
 * 6to4) is judged by the IPv4 address, since that is where the packets end up.
 */
enum AddressKind {
    PUBLIC("a public"),
    LOOPBACK("a loopback"),
    PRIVATE("a private"),
    LINK_LOCAL("a link-local"),
    CLOUD_METADATA("a cloud metadata"),
    UNSPECIFIED("an unspecified"),
    MULTICAST("a multicast"),
    RESERVED("a reserved");

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    /** "a private", "a loopback", …: reads as "… is a private address". */
    String description() {
        return description;
    }

    static AddressKind of(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return ofIpv4(b);
        }
        byte[] embedded = embeddedIpv4(b);
        return embedded != null ? ofIpv4(embedded) : ofIpv6(b);
    }

    private static AddressKind ofIpv4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        int a3 = b[3] & 0xFF;
        // AWS, GCP, Azure: 169.254.169.254; Alibaba: 100.100.100.200; Oracle: 192.0.0.192.
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254
                || a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200
                || a0 == 192 && a1 == 0 && a2 == 0 && a3 == 192) {
            return CLOUD_METADATA;
        }
        if (a0 == 0) {
            return UNSPECIFIED;
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10
                || a0 == 172 && (a1 & 0xF0) == 16
                || a0 == 192 && a1 == 168
                || a0 == 100 && (a1 & 0xC0) == 64
                || a0 == 198 && (a1 & 0xFE) == 18) {
            return PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if ((a0 & 0xF0) == 224) {
            return MULTICAST;
        }
        if ((a0 & 0xF0) == 240) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] b) {
        // AWS's IPv6 metadata endpoint fd00:ec2::254 sits in the unique-local range, but is never allowed.
        if (Arrays.equals(b, new byte[] {(byte) 0xFD, 0, 0x0E, (byte) 0xC2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54})) {
            return CLOUD_METADATA;
        }
        if (isZero(b, 0, 15)) {
            return b[15] == 0 ? UNSPECIFIED : b[15] == 1 ? LOOPBACK : RESERVED;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (first == 0xFF) {
            return MULTICAST;
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return LINK_LOCAL;
        }
        // fc00::/7 unique-local, and the deprecated fec0::/10 site-local: both are private networks.
        if ((first & 0xFE) == 0xFC || first == 0xFE && (second & 0xC0) == 0xC0) {
            return PRIVATE;
        }
        return PUBLIC;
    }

    private static byte[] embeddedIpv4(byte[] b) {
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = isZero(b, 0, 12) && !isZero(b, 12, 15);
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && isZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
