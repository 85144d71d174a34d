package dev.atelier.worker.config;

import dev.atelier.platform.storage.ObjectStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the object store from {@link S3Config} (closed on shutdown) and the clock jobs are timed with. */
@Singleton
public class InfrastructureProducer {

    @Produces
    @Singleton
    ObjectStore objectStore(S3Config config) {
        return ObjectStore.connect(config.settings());
    }

    void close(@Disposes ObjectStore store) {
        store.close();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
