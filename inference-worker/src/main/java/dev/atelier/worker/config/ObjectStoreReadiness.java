package dev.atelier.worker.config;

import dev.atelier.platform.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while S3 answers and the bucket exists: without them no job can run. */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {
    private final ObjectStore store;

    public ObjectStoreReadiness(ObjectStore store) {
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
