package dev.atelier.gateway.quotas;

import dev.atelier.gateway.config.GatewayConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per second per tenant, one token bucket per tenant in this replica's memory. Per replica
 * on purpose: a shared counter would cost a round trip to a shared store on every request, and S3 (the
 * only shared store) has no atomic counter; a tenant therefore gets up to N times its rate from N replicas.
 */
@Singleton
public class RequestRate {
    private final GatewayConfig.Quota config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RequestRate(GatewayConfig config) {
        this.config = config.quota();
    }

    /** What one request found: whether it may go on, what is left, and when the window refills. */
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds) {
    }

    public int limit(String tenant) {
        GatewayConfig.TenantQuota own = config.tenants().get(tenant);
        return own == null ? config.requestsPerSecond() : own.requestsPerSecond().orElse(config.requestsPerSecond());
    }

    public Decision take(String tenant) {
        int limit = limit(tenant);
        Bucket bucket = buckets.computeIfAbsent(tenant, t -> Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillIntervally(limit, Duration.ofSeconds(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long waitNanos = probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
        // Seconds, rounded up: a client that waits this long finds a token.
        long reset = probe.isConsumed() ? 1 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), reset);
    }
}
