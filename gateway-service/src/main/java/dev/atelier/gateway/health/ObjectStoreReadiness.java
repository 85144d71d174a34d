package dev.atelier.gateway.health;

import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the object store answers and the bucket exists: no job can be accepted without it. */
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
