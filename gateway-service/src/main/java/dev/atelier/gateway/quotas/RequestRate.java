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
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds) {}

    public int limit(String tenant) {
        GatewayConfig.TenantQuota own = config.tenants().get(tenant);
        return own == null
                ? config.requestsPerSecond()
                : own.requestsPerSecond().orElse(config.requestsPerSecond());
    }

    public Decision take(String tenant) {
        int limit = limit(tenant);
        ConsumptionProbe probe =
                buckets.computeIfAbsent(tenant, t -> perSecond(limit)).tryConsumeAndReturnRemaining(1);
        return new Decision(
                probe.isConsumed(), limit, probe.getRemainingTokens(), probe.isConsumed() ? 1 : secondsToWait(probe));
    }

    /** A bucket of {@code limit} tokens, all refilled each second: this package's rate limits. */
    static Bucket perSecond(int limit) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillIntervally(limit, Duration.ofSeconds(1)))
                .build();
    }

    /** Seconds until a refused request finds a token, rounded up: a client that waits this long gets one. */
    static long secondsToWait(ConsumptionProbe refused) {
        return Math.max(1, (refused.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
