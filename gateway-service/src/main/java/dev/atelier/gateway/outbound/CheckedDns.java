package dev.atelier.gateway.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * The outbound HTTP client's name resolution, with the {@link AddressPolicy} applied to what it returns: the client
 * connects only to addresses that passed. A check before the call resolves the name on its own, and a name can answer
 * differently the second time (DNS rebinding); this check is on the addresses actually used.
 */
final class CheckedDns implements Dns {
    private final AddressPolicy policy;
    private final Dns resolver;

    CheckedDns(AddressPolicy policy, Dns resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> addresses = resolver.lookup(host);
        if (policy.isExempt(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String refusal = AddressPolicy.refusal(address);
            if (refusal != null) {
                throw new RefusedAddressException(host + " resolves to " + address.getHostAddress() + ", " + refusal);
            }
        }
        return addresses;
    }
}
