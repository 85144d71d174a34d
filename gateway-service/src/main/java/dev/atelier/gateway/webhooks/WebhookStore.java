package dev.atelier.gateway.webhooks;

import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Endpoints, deliveries, due markers and claims in the object store, at the keys of {@link StorageKeys}. */
@Singleton
public class WebhookStore {
    private final ObjectStore store;

    WebhookStore(ObjectStore store) {
        this.store = store;
    }

    public void save(WebhookEndpoint endpoint) {
        store.putJson(StorageKeys.webhookEndpoint(endpoint.tenant(), endpoint.id()), endpoint);
    }

    public Optional<WebhookEndpoint> endpoint(String tenant, String endpointId) {
        return store.getJson(StorageKeys.webhookEndpoint(tenant, endpointId), WebhookEndpoint.class);
    }

    /** Every endpoint of a tenant, the callbacks one included when it exists. */
    public List<WebhookEndpoint> endpoints(String tenant) {
        return store.list(StorageKeys.webhookEndpointsPrefix(tenant)).stream()
                .map(key -> store.getJson(key, WebhookEndpoint.class))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The ids of a tenant's endpoints, from one listing (no endpoint is read). */
    public List<String> endpointIds(String tenant) {
        String prefix = StorageKeys.webhookEndpointsPrefix(tenant);
        return store.list(prefix).stream()
                .map(key -> key.substring(prefix.length()).replaceFirst("\\.json$", ""))
                .toList();
    }

    public void deleteEndpoint(String tenant, String endpointId) {
        store.delete(StorageKeys.webhookEndpoint(tenant, endpointId));
    }

    public void save(WebhookDelivery delivery) {
        store.putJson(StorageKeys.webhookDelivery(delivery.tenant(), delivery.endpointId(), delivery.id()), delivery);
    }

    public Optional<WebhookDelivery> delivery(String tenant, String endpointId, String deliveryId) {
        return store.getJson(StorageKeys.webhookDelivery(tenant, endpointId, deliveryId), WebhookDelivery.class);
    }

    /** Up to {@code max} delivery keys of an endpoint, newest first, after the key {@code afterKey} (null: from the newest). */
    public List<String> deliveryKeys(String tenant, String endpointId, String afterKey, int max) {
        return store.list(StorageKeys.webhookDeliveriesPrefix(tenant, endpointId), afterKey, max);
    }

    public Optional<WebhookDelivery> deliveryAt(String key) {
        return store.getJson(key, WebhookDelivery.class);
    }

    /** Marks the delivery's next attempt as due at {@code at}. */
    public void due(WebhookDelivery delivery, Instant at) {
        store.put(
                StorageKeys.webhookDue(at.toEpochMilli(), delivery.tenant(), delivery.endpointId(), delivery.id()),
                new byte[0],
                "application/octet-stream");
    }

    /** The earliest due markers, at most {@code max}, in time order (some may lie in the future). */
    public List<DueMarker> earliestDue(int max) {
        return store.list(StorageKeys.WEBHOOKS_DUE_PREFIX, null, max).stream()
                .map(DueMarker::parse)
                .flatMap(Optional::stream)
                .toList();
    }

    public void remove(DueMarker marker) {
        store.delete(marker.key());
    }

    /** Writes this replica's claim on a delivery; the latest writer holds it. */
    public void claim(String deliveryId, String claimant) {
        store.put(StorageKeys.webhookClaim(deliveryId), claimant.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    /** Who holds the claim, if anyone. */
    public Optional<String> claimant(String deliveryId) {
        return store.get(StorageKeys.webhookClaim(deliveryId)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public void release(String deliveryId) {
        store.delete(StorageKeys.webhookClaim(deliveryId));
    }

    /** A due marker, read back from its key. */
    public record DueMarker(String key, Instant at, String tenant, String endpointId, String deliveryId) {
        static Optional<DueMarker> parse(String key) {
            String[] parts =
                    key.substring(StorageKeys.WEBHOOKS_DUE_PREFIX.length()).split("/");
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new DueMarker(
                        key, Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1], parts[2], parts[3]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
