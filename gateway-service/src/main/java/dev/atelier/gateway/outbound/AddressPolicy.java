package dev.atelier.gateway.outbound;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hosts the gateway may call: public unicast addresses only, so that a client cannot make it call the cloud
 * metadata service, the cluster's own services or the gateway itself (SSRF). An IPv6 address that carries an IPv4 one
 * (mapped, compatible, NAT64, 6to4) is judged by the IPv4 address it leads to; Teredo tunnels are refused. A host named
 * in {@code allowedHosts} is exempt (an intranet image server, the tests' local one).
 */
public final class AddressPolicy {
    private final Set<String> allowedHosts;

    public AddressPolicy(Set<String> allowedHosts) {
        this.allowedHosts =
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public boolean isExempt(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Why the address may not be called, or null when it may. */
    public static String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata services live there)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address instanceof Inet4Address v4) {
            return reservedIpv4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return ipv6(new IPv6Address(v6));
        }
        return "an address of an unknown family";
    }

    private static String ipv6(IPv6Address address) {
        if (address.isUniqueLocal()) {
            return "a unique-local (private) address";
        }
        if (address.isTeredo()) {
            return "a Teredo tunnel address";
        }
        IPv4Address carried = null;
        String form = null;
        if (address.isIPv4Mapped()) {
            carried = address.getEmbeddedIPv4Address();
            form = "IPv4-mapped";
        } else if (address.isIPv4Compatible()) {
            carried = address.getEmbeddedIPv4Address();
            form = "IPv4-compatible";
        } else if (address.isWellKnownIPv4Translatable() || isLocalUseNat64(address)) {
            carried = address.getEmbeddedIPv4Address();
            form = "NAT64";
        } else if (address.is6To4()) {
            carried = address.get6To4IPv4Address();
            form = "6to4";
        }
        if (carried == null) {
            return null;
        }
        String refusal = refusal(carried.toInetAddress());
        return refusal == null ? null : "the " + form + " form of " + carried + ", " + refusal;
    }

    /** 64:ff9b:1::/48 (RFC 8215), a network's own NAT64 prefix; the IPv4 address is in the last 32 bits. */
    private static boolean isLocalUseNat64(IPv6Address address) {
        return address.getSegment(0).getSegmentValue() == 0x64
                && address.getSegment(1).getSegmentValue() == 0xff9b
                && address.getSegment(2).getSegmentValue() == 1;
    }

    private static String reservedIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0
                || first >= 240
                || (first == 100 && second >= 64 && second < 128)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                || (first == 198 && (second == 18 || second == 19))) {
            return "a reserved or shared address";
        }
        return null;
    }
}
