package dev.atelier.cli;

import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.tenants.ApiKeys;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier keys create|list|revoke TENANT}: a tenant's API keys, written to the system's S3
 * server as the gateway's admin API writes them (an operator with S3 access needs no admin key).
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Manage tenants' API keys.",
        subcommands = {KeysCommand.Create.class, KeysCommand.List.class, KeysCommand.Revoke.class})
final class KeysCommand {

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Issue a key for a tenant and print it (the only time it is shown).")
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", description = "The tenant id (lower-case letters, digits, hyphens).")
        String tenant;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            try (ObjectStore store = connection.objectStore()) {
                ApiKeys.Issued issued = new ApiKeys(store, Clock.systemUTC()).issue(tenant);
                System.out.println(issued.key());
                System.err.printf(
                        "issued key %s (%s...) for tenant %s; it is not stored, keep it now%n",
                        issued.record().id(), issued.record().prefix(), tenant);
            }
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List a tenant's keys: id, prefix, created, last used.")
    static final class List implements Callable<Integer> {
        @Parameters(index = "0", description = "The tenant id.")
        String tenant;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            try (ObjectStore store = connection.objectStore()) {
                for (ApiKeys.Listed key : new ApiKeys(store, Clock.systemUTC()).list(tenant)) {
                    System.out.printf(
                            "%s  %s...  created %s  last used %s%n",
                            key.record().id(),
                            key.record().prefix(),
                            key.record().createdAt(),
                            key.lastUsedAt() == null ? "never" : key.lastUsedAt());
                }
            }
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a tenant's key by its id; gateways refuse it within "
                    + "atelier.gateway.auth.cache-ttl (30 s by default).")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", description = "The tenant id.")
        String tenant;

        @Parameters(index = "1", description = "The key's id, as listed.")
        String id;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            try (ObjectStore store = connection.objectStore()) {
                if (!new ApiKeys(store, Clock.systemUTC()).revoke(tenant, id)) {
                    System.err.println("tenant " + tenant + " has no key " + id);
                    return 1;
                }
                System.out.println("revoked " + id);
            }
            return 0;
        }
    }
}
