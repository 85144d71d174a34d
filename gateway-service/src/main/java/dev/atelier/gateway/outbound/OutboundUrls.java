package dev.atelier.gateway.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF rules for every URL a client makes the gateway call (an image to fetch, a webhook to deliver):
 * https only (plain http where a setting allows it), no credentials in the URL, and every address the host
 * resolves to must be public (see {@link AddressPolicy}) unless the host is exempt by a setting. Checked when
 * the URL is given and again before each connection; a DNS answer that changes between the check and the
 * connection (rebinding) is for an egress proxy or network policy to stop.
 */
public final class OutboundUrls {
    private final AddressPolicy policy;
    private final boolean allowHttp;

    public OutboundUrls(Set<String> allowedHosts, boolean allowHttp) {
        this.policy = new AddressPolicy(allowedHosts);
        this.allowHttp = allowHttp;
    }

    /** Why a URL may not be called. {@code unresolvable} is a refusal that may pass later (DNS may change). */
    public record Refusal(String reason, boolean unresolvable) {
    }

    /** The URL, parsed, when it names a host; otherwise a refusal. */
    public static URI parse(String url) throws RefusedUrlException {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null) {
                throw new RefusedUrlException(new Refusal("it names no host", false));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RefusedUrlException(new Refusal("it is not a URL: " + e.getMessage(), false));
        }
    }

    /** Why the gateway may not call this URL now, or empty when it may. */
    public Optional<Refusal> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            return Optional.of(new Refusal("only https URLs are called", false));
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(new Refusal("URLs with credentials are not called", false));
        }
        String host = uri.getHost();
        if (host == null) {
            return Optional.of(new Refusal("it names no host", false));
        }
        if (policy.isExempt(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("its host " + host + " does not resolve", true));
        }
        for (InetAddress address : addresses) {
            String refusal = AddressPolicy.refusal(address);
            if (refusal != null) {
                return Optional.of(new Refusal(host + " resolves to " + address.getHostAddress() + ", " + refusal, false));
            }
        }
        return Optional.empty();
    }

    /** A URL that {@link #parse} could not read. */
    public static final class RefusedUrlException extends Exception {
        private final transient Refusal refusal;

        RefusedUrlException(Refusal refusal) {
            super(refusal.reason());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
