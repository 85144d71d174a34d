package dev.atelier.platform.quarkus;

import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while S3 answers and the bucket exists: no service can do its work without them. */
@Readiness
@Singleton
public class ObjectStoreReadiness implements HealthCheck {
    private final ObjectStore store;

    ObjectStoreReadiness(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-store")
                .status(store.isReachable())
                .withData("bucket", store.bucket())
                .build();
    }
}
