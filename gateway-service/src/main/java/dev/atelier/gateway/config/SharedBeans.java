package dev.atelier.gateway.config;

import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.storage.S3Settings;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the beans built from settings: the object store (closed on shutdown) and the clock. */
@Singleton
public class SharedBeans {

    /** Singleton, not application-scoped: {@link ObjectStore} is final, so it cannot be proxied. */
    @Produces
    @Singleton
    ObjectStore objectStore(S3Config s3) {
        return ObjectStore.connect(new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.region(), s3.bucket()));
    }

    /** Closing releases the S3 client's connection pool and threads, which would otherwise outlive the app. */
    void closeObjectStore(@Disposes ObjectStore store) {
        store.close();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
