package dev.atelier.gateway.webhooks;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.problems.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** An endpoint's deliveries, newest first, a page at a time; the cursor is the last delivery id of a page. */
@Singleton
public class WebhookDeliveries {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final WebhookStore store;

    WebhookDeliveries(WebhookStore store) {
        this.store = store;
    }

    public record Page(List<WebhookDelivery> deliveries, String nextCursor) {}

    /** @throws ProblemException {@code invalid-option} for a bad cursor or limit */
    public Page list(String tenant, String endpointId, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + size);
        }
        if (cursor != null && !JobIds.isValid(cursor)) {
            throw ProblemException.invalidField("cursor", "not a cursor this API gave: " + cursor);
        }
        String after = cursor == null ? null : StorageKeys.webhookDelivery(tenant, endpointId, cursor);
        List<String> keys = store.deliveryKeys(tenant, endpointId, after, size + 1);
        List<WebhookDelivery> page = keys.stream()
                .limit(size)
                .map(store::deliveryAt)
                .flatMap(Optional::stream)
                .toList();
        return new Page(
                page,
                keys.size() > size && !page.isEmpty()
                        ? page.get(page.size() - 1).id()
                        : null);
    }
}
