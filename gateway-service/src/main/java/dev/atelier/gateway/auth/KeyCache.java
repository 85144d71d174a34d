package dev.atelier.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.contracts.tenants.ApiKeyRecord;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.tenants.ApiKeys;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Resolves presented keys to their records, remembering each answer (found or unknown) for
 * {@code atelier.gateway.auth.cache-ttl}, so most requests cost no S3 call. That TTL is the bound on
 * how long a revoked key still works on a replica. Entries are keyed by the key's hash, so raw keys
 * are not kept in memory. The cache is bounded (Caffeine, {@code cache-size}); its admission policy keeps keys in
 * use when a client floods it with random ones.
 */
@Singleton
public class KeyCache {
    private static final Logger LOG = Logger.getLogger(KeyCache.class);

    private final ApiKeys keys;
    private final Clock clock;
    private final Cache<String, Optional<ApiKeyRecord>> entries;

    KeyCache(ObjectStore store, GatewayConfig config, Clock clock) {
        this.keys = new ApiKeys(store, clock);
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.auth().cacheSize())
                .expireAfterWrite(config.auth().cacheTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    ApiKeys keys() {
        return keys;
    }

    /** What the cache knows of the key, without a lookup: null when it knows nothing. */
    Optional<ApiKeyRecord> cached(String key) {
        return entries.getIfPresent(ApiKeys.hash(key));
    }

    /** The key's record, or empty for an unknown or revoked key; looked up in S3 unless cached. */
    public Optional<ApiKeyRecord> resolve(String key) {
        return entries.get(ApiKeys.hash(key), hash -> lookUp(key));
    }

    private Optional<ApiKeyRecord> lookUp(String key) {
        Optional<ApiKeyRecord> record = keys.find(key);
        if (record.isPresent()) {
            // Once per TTL per replica: "last used" is accurate to about the TTL, at one write per period.
            try {
                keys.noteUse(key, clock.instant());
            } catch (RuntimeException e) {
                LOG.debugf("could not note the use of key %s: %s", record.get().id(), e.getMessage());
            }
        }
        return record;
    }

    /** Forgets every cached answer: this replica sees revocations at once (others within the TTL). */
    void invalidateAll() {
        entries.invalidateAll();
    }
}
