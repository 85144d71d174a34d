package dev.atelier.gateway.quotas;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.gateway.config.GatewayConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Lookups of keys the gateway does not know yet, per client address: a token bucket each, taken before the S3 read.
 * The buckets are bounded too (an attacker with many addresses gets the oldest forgotten, not the heap filled).
 */
@Singleton
public class KeyLookupRate {
    private static final int MAX_ADDRESSES = 100_000;

    private final int perSecond;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_ADDRESSES)
            .expireAfterAccess(Duration.ofMinutes(1))
            .build();

    public KeyLookupRate(GatewayConfig config) {
        this.perSecond = config.auth().lookupsPerSecondPerAddress();
    }

    public int limit() {
        return perSecond;
    }

    /** @return 0 when the address may look a key up now, else the seconds to wait (rounded up) */
    public long take(String address) {
        ConsumptionProbe probe =
                buckets.get(address, a -> RequestRate.perSecond(perSecond)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : RequestRate.secondsToWait(probe);
    }
}
