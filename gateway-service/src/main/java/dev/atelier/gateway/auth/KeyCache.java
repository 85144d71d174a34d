package dev.atelier.gateway.auth;

import dev.atelier.contracts.tenants.ApiKeyRecord;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.tenants.ApiKeys;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Resolves presented keys to their records, remembering each answer (found or unknown) for
 * {@code atelier.gateway.auth.cache-ttl}, so most requests cost no S3 call. That TTL is the bound on
 * how long a revoked key still works on a replica. Entries are keyed by the key's hash, so raw keys
 * are not kept in memory.
 */
@Singleton
public class KeyCache {
    private static final Logger LOG = Logger.getLogger(KeyCache.class);
    /** A flood of random keys must not grow the heap without bound: past this the cache starts over. */
    private static final int MAX_ENTRIES = 10_000;

    private final ApiKeys keys;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Optional<ApiKeyRecord> record, Instant expiresAt) {
    }

    KeyCache(ObjectStore store, GatewayConfig config, Clock clock) {
        this.keys = new ApiKeys(store, clock);
        this.ttl = config.auth().cacheTtl();
        this.clock = clock;
    }

    ApiKeys keys() {
        return keys;
    }

    /** The key's record, or empty for an unknown or revoked key. */
    public Optional<ApiKeyRecord> resolve(String key) {
        String hash = ApiKeys.hash(key);
        Instant now = clock.instant();
        Entry entry = entries.get(hash);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.record();
        }
        Optional<ApiKeyRecord> record = keys.find(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(hash, new Entry(record, now.plus(ttl)));
        if (record.isPresent()) {
            // Once per TTL per replica: "last used" is accurate to about the TTL, at one write per period.
            try {
                keys.noteUse(key, now);
            } catch (RuntimeException e) {
                LOG.debugf("could not note the use of key %s: %s", record.get().id(), e.getMessage());
            }
        }
        return record;
    }

    /** Forgets every cached answer: this replica sees revocations at once (others within the TTL). */
    void invalidateAll() {
        entries.clear();
    }
}
