package dev.atelier.platform.tenants;

import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.tenants.ApiKeyRecord;
import dev.atelier.contracts.tenants.TenantIds;
import dev.atelier.platform.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Issues, finds, lists and revokes API keys, kept in the object store (the one store every gateway
 * replica shares). A key is {@code atl_} and 43 base62 characters (256 random bits from
 * {@link SecureRandom}); the store holds only its SHA-256. A fast unsalted hash is right here, unlike
 * for passwords: with 256 random bits there is no dictionary to try and nothing to slow down, and a
 * plain digest lets a request find its record with one GET by hash.
 */
public final class ApiKeys {
    /** Recognisable in logs, configuration and secret scanners. */
    public static final String PREFIX = "atl_";

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** 43 base62 characters carry 256 bits (62^43 > 2^256). */
    private static final int RANDOM_CHARS = 43;

    private static final int SHOWN_CHARS = PREFIX.length() + 4;

    private final ObjectStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A key just issued: the only time the key itself is seen. */
    public record Issued(String key, ApiKeyRecord record) {}

    /** A key as a listing shows it. */
    public record Listed(ApiKeyRecord record, Instant lastUsedAt) {}

    /** @throws IllegalArgumentException for a tenant id that is not {@link TenantIds#isValid valid} */
    public Issued issue(String tenant) {
        requireTenant(tenant);
        StringBuilder key = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        String hash = hash(key.toString());
        ApiKeyRecord record =
                new ApiKeyRecord(hash.substring(0, 16), tenant, key.substring(0, SHOWN_CHARS), clock.instant());
        // The record first, the listing entry last: a listed key always resolves.
        store.putJson(StorageKeys.apiKey(hash), record);
        store.put(StorageKeys.tenantKeysPrefix(tenant) + hash, new byte[0], "application/octet-stream");
        return new Issued(key.toString(), record);
    }

    /** The record of a presented key, empty for an unknown, revoked or malformed one. */
    public Optional<ApiKeyRecord> find(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() != PREFIX.length() + RANDOM_CHARS) {
            return Optional.empty();
        }
        return store.getJson(StorageKeys.apiKey(hash(key)), ApiKeyRecord.class);
    }

    /** Notes that a key was used now (callers throttle this: it is one write). */
    public void noteUse(String key, Instant when) {
        store.put(
                StorageKeys.apiKeyLastUsed(hash(key)), when.toString().getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    public List<Listed> list(String tenant) {
        requireTenant(tenant);
        List<Listed> keys = new ArrayList<>();
        for (String entry : store.list(StorageKeys.tenantKeysPrefix(tenant))) {
            String hash = entry.substring(entry.lastIndexOf('/') + 1);
            store.getJson(StorageKeys.apiKey(hash), ApiKeyRecord.class)
                    .ifPresent(record -> keys.add(new Listed(
                            record,
                            store.get(StorageKeys.apiKeyLastUsed(hash))
                                    .map(b -> Instant.parse(new String(b, StandardCharsets.UTF_8)))
                                    .orElse(null))));
        }
        return keys;
    }

    /** Revokes the tenant's key with this id; false when the tenant has no such key. */
    public boolean revoke(String tenant, String id) {
        requireTenant(tenant);
        for (String entry : store.list(StorageKeys.tenantKeysPrefix(tenant))) {
            String hash = entry.substring(entry.lastIndexOf('/') + 1);
            if (hash.startsWith(id) && id.length() == 16) {
                // The record first: from then on the key no longer resolves.
                store.delete(StorageKeys.apiKey(hash));
                store.delete(StorageKeys.apiKeyLastUsed(hash));
                store.delete(entry);
                return true;
            }
        }
        return false;
    }

    /** The SHA-256 of a key, hex: what the store and caches know a key by. */
    public static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void requireTenant(String tenant) {
        if (!TenantIds.isValid(tenant)) {
            throw new IllegalArgumentException(
                    "invalid tenant id '" + tenant + "': lower-case letters, digits and hyphens");
        }
    }
}
