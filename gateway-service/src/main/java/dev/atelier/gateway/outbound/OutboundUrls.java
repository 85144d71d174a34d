package dev.atelier.gateway.outbound;

import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The SSRF rules for every URL a client makes the gateway call (an image to fetch, a webhook to deliver):
 * https only (plain http where a setting allows it), no credentials in the URL, and every address the host
 * resolves to must be public (see {@link AddressPolicy}) unless the host is exempt by a setting. Checked when
 * the URL is given (a clear answer early), and again by the {@link #client HTTP client} on the addresses it connects
 * to, so a DNS answer that changes between the check and the connection (rebinding) is refused as well.
 */
public final class OutboundUrls {
    private final AddressPolicy policy;
    private final boolean allowHttp;
    private final Dns resolver;

    public OutboundUrls(Set<String> allowedHosts, boolean allowHttp) {
        this(allowedHosts, allowHttp, Dns.SYSTEM);
    }

    /** @param resolver the name resolution the HTTP clients use (the system's; another in tests) */
    public OutboundUrls(Set<String> allowedHosts, boolean allowHttp, Dns resolver) {
        this.policy = new AddressPolicy(allowedHosts);
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    /**
     * An HTTP client for these rules: it connects only to addresses the policy allows, checked on the addresses it
     * resolved for the connection ({@link CheckedDns}); it follows no redirects (each hop must be checked by the
     * caller) and goes through no proxy (a proxy would connect for it, unchecked).
     *
     * @param timeout the whole call, body included
     */
    public OkHttpClient client(Duration connectTimeout, Duration timeout) {
        return new OkHttpClient.Builder()
                .dns(new CheckedDns(policy, resolver))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout)
                .callTimeout(timeout)
                .build();
    }

    /** Why a URL may not be called. {@code unresolvable} is a refusal that may pass later (DNS may change). */
    public record Refusal(String reason, boolean unresolvable) {}

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
        List<InetAddress> addresses;
        try {
            addresses = resolver.lookup(host);
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("its host " + host + " does not resolve", true));
        }
        for (InetAddress address : addresses) {
            String refusal = AddressPolicy.refusal(address);
            if (refusal != null) {
                return Optional.of(
                        new Refusal(host + " resolves to " + address.getHostAddress() + ", " + refusal, false));
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
