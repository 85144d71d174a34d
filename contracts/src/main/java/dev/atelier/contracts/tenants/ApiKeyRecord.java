package dev.atelier.contracts.tenants;

import java.time.Instant;

/**
 * An API key as stored at {@code tenants/keys/{sha256}.json}: never the key itself, only what a
 * lookup by the key's hash needs (the tenant) and what a listing shows.
 *
 * @param id short public id of the key (the first 16 hex digits of its hash), used to revoke it
 * @param tenant the tenant every request with this key acts for
 * @param prefix the key's first characters ({@code atl_} and four more), so people can tell keys apart
 * @param createdAt when the key was issued
 */
public record ApiKeyRecord(String id, String tenant, String prefix, Instant createdAt) {}
