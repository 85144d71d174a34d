package dev.atelier.gateway.webhooks;

import dev.atelier.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps two gateway replicas from attempting the same delivery at once. S3 has no compare-and-set (the local
 * stack's server offers no conditional writes), so a replica writes its claim, waits a moment and reads it
 * back: of replicas racing, only the last writer finds its own claim. Two replicas can still both send in a
 * narrow interleaving (one decides, stalls past the wait, then writes); the receiver then sees the same
 * {@code webhook-id} twice, which the Standard Webhooks specification tells receivers to expect. A claim of a
 * replica that died lapses after the attempt timeout and a margin.
 */
@Singleton
class DeliveryClaims {
    private static final Duration SETTLE = Duration.ofMillis(100);

    private final WebhookStore store;
    private final Clock clock;
    private final String replica = UUID.randomUUID().toString();
    private final Duration lease;

    DeliveryClaims(WebhookStore store, Clock clock, GatewayConfig config) {
        this.store = store;
        this.clock = clock;
        this.lease = config.webhooks().timeout().plusSeconds(30);
    }

    /** @return whether this replica may attempt the delivery now */
    boolean acquire(String deliveryId) throws InterruptedException {
        Optional<String> current = store.claimant(deliveryId);
        if (current.isPresent() && !current.get().startsWith(replica + "|") && !lapsed(current.get())) {
            return false;
        }
        String mine = replica + "|" + clock.instant().plus(lease).toEpochMilli();
        store.claim(deliveryId, mine);
        Thread.sleep(SETTLE.toMillis());
        return store.claimant(deliveryId).map(mine::equals).orElse(false);
    }

    void release(String deliveryId) {
        if (store.claimant(deliveryId).filter(c -> c.startsWith(replica + "|")).isPresent()) {
            store.release(deliveryId);
        }
    }

    private boolean lapsed(String claim) {
        try {
            return Long.parseLong(claim.substring(claim.indexOf('|') + 1)) < clock.millis();
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
