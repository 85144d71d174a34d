package dev.atelier.platform.quarkus;

import dev.atelier.platform.jobs.JobRecords;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The object store built from {@link S3Config}, closed on shutdown, the clock records are stamped with, and the job
 * records kept in the store.
 */
@Singleton
public class ObjectStoreProducer {

    /** Singleton, not application-scoped: {@link ObjectStore} is final, so it cannot be proxied. */
    @Produces
    @Singleton
    ObjectStore objectStore(S3Config config) {
        return ObjectStore.connect(config.settings(), config.publicEndpoint().orElse(null));
    }

    /** Releases the S3 client's connection pool and threads, which would otherwise outlive the app. */
    void close(@Disposes ObjectStore store) {
        store.close();
    }

    /** Job records, for the services that run jobs. */
    @Produces
    @Singleton
    JobRecords jobRecords(ObjectStore store, Clock clock) {
        return new JobRecords(store, clock);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
