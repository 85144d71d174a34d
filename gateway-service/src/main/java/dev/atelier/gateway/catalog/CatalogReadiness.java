package dev.atelier.gateway.catalog;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
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
        Optional<String> problem = catalog.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("style-catalog")
                .status(catalog.isLoaded() && problem.isEmpty())
                .withData("styles", catalog.all().size());
        problem.ifPresent(reason -> response.withData("problem", reason));
        return response.build();
    }
}
