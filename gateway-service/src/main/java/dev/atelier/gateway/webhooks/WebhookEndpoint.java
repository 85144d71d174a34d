package dev.atelier.gateway.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's webhook endpoint, stored at {@code webhooks/{tenant}/endpoints/{id}.json}. The secret is kept
 * (not a hash): every delivery is signed with it. The endpoint {@value #CALLBACKS} stands for the callback
 * URLs of the tenant's jobs: it has no URL of its own and receives the final states of jobs submitted with one.
 *
 * @param url where deliveries are POSTed; null for {@value #CALLBACKS}
 * @param eventTypes the {@link WebhookEventTypes} it receives
 * @param secret {@code whsec_} and the base64 of the HMAC key
 */
public record WebhookEndpoint(
        String id,
        String tenant,
        String url,
        List<String> eventTypes,
        String description,
        String secret,
        Instant createdAt) {

    /** The id of the endpoint that signs and lists the deliveries to jobs' callback URLs. */
    public static final String CALLBACKS = "callbacks";

    public boolean receives(String eventType) {
        return eventTypes.contains(eventType);
    }

    public boolean isCallbacks() {
        return CALLBACKS.equals(id);
    }
}
