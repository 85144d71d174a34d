package dev.atelier.gateway.webhooks;

import dev.atelier.gateway.jobs.JobCallbacks;
import dev.atelier.gateway.outbound.OutboundUrls;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A tenant's webhook endpoints: registered, listed, removed; and the URL rules for them and for job callbacks,
 * whose deliveries the {@value WebhookEndpoint#CALLBACKS} endpoint signs.
 */
@Singleton
public class WebhookEndpoints implements JobCallbacks {
    private static final Pattern ID = Pattern.compile("ep_[0-9a-f]{32}|" + WebhookEndpoint.CALLBACKS);
    private static final int MAX_ENDPOINTS = 20;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookEndpoints(WebhookStore store, WebhookSender sender, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * @throws ProblemException {@code webhook-url-not-allowed} or {@code invalid-option}
     */
    public WebhookEndpoint register(String tenant, String url, List<String> eventTypes, String description) {
        checkUrl(url, "url");
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw ProblemException.invalidField(
                    "eventTypes", "eventTypes must name at least one of " + new TreeSet<>(WebhookEventTypes.ALL));
        }
        for (String type : eventTypes) {
            if (!WebhookEventTypes.ALL.contains(type)) {
                throw ProblemException.invalidField(
                        "eventTypes",
                        "unknown event type '" + type + "'; known: " + new TreeSet<>(WebhookEventTypes.ALL));
            }
        }
        if (description != null && description.length() > 200) {
            throw ProblemException.invalidField("description", "description is longer than 200 characters");
        }
        if (store.endpointIds(tenant).stream()
                        .filter(id -> !id.equals(WebhookEndpoint.CALLBACKS))
                        .count()
                >= MAX_ENDPOINTS) {
            throw ProblemException.invalidField(
                    "url", "a tenant has at most " + MAX_ENDPOINTS + " endpoints; delete one first");
        }
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        WebhookEndpoint endpoint = new WebhookEndpoint(
                "ep_" + HexFormat.of().formatHex(idBytes),
                tenant,
                url.trim(),
                List.copyOf(new TreeSet<>(eventTypes)),
                description,
                newSecret(),
                clock.instant());
        store.save(endpoint);
        return endpoint;
    }

    public List<WebhookEndpoint> list(String tenant) {
        return store.endpoints(tenant);
    }

    /** @throws ProblemException {@code webhook-not-found}, also for another tenant's endpoint */
    public WebhookEndpoint get(String tenant, String endpointId) {
        return find(tenant, endpointId).orElseThrow(() -> notFound(endpointId));
    }

    /** The endpoint; for {@value WebhookEndpoint#CALLBACKS}, created on first use so that its secret can be read early. */
    public WebhookEndpoint getOrCreate(String tenant, String endpointId) {
        return WebhookEndpoint.CALLBACKS.equals(endpointId) ? callbacks(tenant) : get(tenant, endpointId);
    }

    public void delete(String tenant, String endpointId) {
        get(tenant, endpointId);
        store.deleteEndpoint(tenant, endpointId);
    }

    /** The tenant's callbacks endpoint, created with a fresh secret when it has none. */
    public WebhookEndpoint callbacks(String tenant) {
        return store.endpoint(tenant, WebhookEndpoint.CALLBACKS).orElseGet(() -> {
            WebhookEndpoint created = new WebhookEndpoint(
                    WebhookEndpoint.CALLBACKS,
                    tenant,
                    null,
                    List.copyOf(new TreeSet<>(WebhookEventTypes.FINAL)),
                    "the callback URLs of jobs",
                    newSecret(),
                    clock.instant());
            store.save(created);
            return created;
        });
    }

    /** Creates the {@value WebhookEndpoint#CALLBACKS} endpoint, and so its secret, if the tenant has none yet. */
    @Override
    public void prepare(String tenant) {
        callbacks(tenant);
    }

    /** Job callback URLs are checked as endpoint URLs are. */
    @Override
    public void checkUrl(String url, String field) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalidField(field, field + " is required");
        }
        URI uri;
        try {
            uri = OutboundUrls.parse(url);
        } catch (OutboundUrls.RefusedUrlException e) {
            throw notAllowed(url, field, e.getMessage());
        }
        sender.urls().refusal(uri).ifPresent(refusal -> {
            throw notAllowed(url, field, refusal.reason());
        });
    }

    public Optional<WebhookEndpoint> find(String tenant, String endpointId) {
        return endpointId != null && ID.matcher(endpointId).matches()
                ? store.endpoint(tenant, endpointId)
                : Optional.empty();
    }

    /** {@code whsec_} and 24 random bytes in base64, the format of the Standard Webhooks libraries. */
    private String newSecret() {
        byte[] key = new byte[24];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static ProblemException notAllowed(String url, String field, String why) {
        return new ProblemException(ProblemType.WEBHOOK_URL_NOT_ALLOWED, "the URL " + url + " is not called: " + why)
                .with("field", field);
    }

    private static ProblemException notFound(String endpointId) {
        return new ProblemException(ProblemType.WEBHOOK_NOT_FOUND, "no webhook endpoint " + endpointId);
    }
}
