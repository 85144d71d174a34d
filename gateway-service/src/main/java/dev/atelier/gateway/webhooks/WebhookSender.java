package dev.atelier.gateway.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.outbound.OutboundUrls;
import dev.atelier.gateway.outbound.RefusedAddressException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Makes one attempt of a delivery as the Standard Webhooks specification describes it: a POST of the JSON
 * payload with {@code webhook-id}, {@code webhook-timestamp} (seconds) and {@code webhook-signature}
 * ({@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.payload} under the endpoint's secret),
 * signed by the specification's reference library. The URL passes the SSRF rules again first; redirects are
 * not followed (a 3xx is a failure), and the answer's body is not read.
 */
@Singleton
public class WebhookSender {
    private static final MediaType JSON = MediaType.get("application/json");

    private final OutboundUrls urls;
    private final OkHttpClient http;
    private final Clock clock;

    WebhookSender(GatewayConfig config, Clock clock) {
        GatewayConfig.Webhooks settings = config.webhooks();
        this.urls = new OutboundUrls(settings.allowedHosts().orElse(Set.of()), settings.allowHttp());
        this.clock = clock;
        this.http = urls.client(settings.timeout(), settings.timeout());
    }

    /** The URL rules, for checking a URL when a client gives it. */
    public OutboundUrls urls() {
        return urls;
    }

    WebhookDelivery.Attempt send(WebhookDelivery delivery, String secret) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        URI uri;
        try {
            uri = OutboundUrls.parse(delivery.url());
        } catch (OutboundUrls.RefusedUrlException e) {
            return failed(at, null, "the URL is not called: " + e.getMessage(), started);
        }
        Optional<OutboundUrls.Refusal> refusal = urls.refusal(uri);
        if (refusal.isPresent()) {
            return failed(at, null, "the URL is not called: " + refusal.get().reason(), started);
        }
        String signature;
        try {
            signature = new Webhook(secret).sign(delivery.id(), at.getEpochSecond(), delivery.payload());
        } catch (EmptyWebhookSecretException | WebhookSigningException | RuntimeException e) {
            return failed(at, null, "the delivery could not be signed: " + e.getMessage(), started);
        }
        Request request = new Request.Builder()
                .url(uri.toString())
                .header("User-Agent", "Atelier-Webhooks/1")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .header("webhook-signature", signature)
                .post(RequestBody.create(delivery.payload().getBytes(StandardCharsets.UTF_8), JSON))
                .build();
        // The answer's body means nothing here: closed unread, so an endpoint cannot stream one forever.
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            if (status >= 200 && status < 300) {
                return new WebhookDelivery.Attempt(at, status, null, millisSince(started));
            }
            return failed(
                    at,
                    status,
                    "the endpoint answered HTTP " + status
                            + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""),
                    started);
        } catch (IOException e) {
            Optional<RefusedAddressException> refused = RefusedAddressException.in(e);
            if (refused.isPresent()) {
                return failed(
                        at, null, "the URL is not called: " + refused.get().getMessage(), started);
            }
            return failed(
                    at,
                    null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    started);
        }
    }

    private static WebhookDelivery.Attempt failed(Instant at, Integer status, String error, long started) {
        return new WebhookDelivery.Attempt(at, status, error, millisSince(started));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
