package dev.atelier.gateway.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.outbound.OutboundUrls;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Makes one attempt of a delivery as the Standard Webhooks specification describes it: a POST of the JSON
 * payload with {@code webhook-id}, {@code webhook-timestamp} (seconds) and {@code webhook-signature}
 * ({@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.payload} under the endpoint's secret),
 * signed by the specification's reference library. The URL passes the SSRF rules again first; redirects are
 * not followed (a 3xx is a failure), and the answer's body is not read.
 */
@Singleton
public class WebhookSender {
    private final OutboundUrls urls;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(GatewayConfig config, Clock clock) {
        GatewayConfig.Webhooks settings = config.webhooks();
        this.urls = new OutboundUrls(settings.allowedHosts().orElse(Set.of()), settings.allowHttp());
        this.timeout = settings.timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
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
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Atelier-Webhooks/1")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // the answer's body means nothing here; do not let an endpoint stream one forever
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new WebhookDelivery.Attempt(at, status, null, millisSince(started));
            }
            return failed(at, status, "the endpoint answered HTTP " + status
                    + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""), started);
        } catch (IOException e) {
            return failed(at, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(at, null, "interrupted", started);
        }
    }

    private static WebhookDelivery.Attempt failed(Instant at, Integer status, String error, long started) {
        return new WebhookDelivery.Attempt(at, status, error, millisSince(started));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
