package dev.atelier.gateway.catalog;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the style catalog has caught up with the models topic: before that no job can be validated. */
@Readiness
@Singleton
public class CatalogReadiness implements HealthCheck {
    private final StyleCatalog catalog;

    CatalogReadiness(StyleCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("style-catalog")
                .status(catalog.isLoaded())
                .withData("styles", catalog.all().size())
                .build();
    }
}
