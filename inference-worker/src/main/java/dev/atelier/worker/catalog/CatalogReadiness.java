package dev.atelier.worker.catalog;

import dev.atelier.platform.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the catalog has caught up with {@code atelier.models}, so no job meets a style it has not heard of. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {
    private final CatalogFeed feed;
    private final ModelCatalog catalog;

    public CatalogReadiness(CatalogFeed feed, ModelCatalog catalog) {
        this.feed = feed;
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = feed.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("model-catalog")
                .status(feed.isLoaded() && problem.isEmpty())
                .withData("styles", catalog.all().size());
        problem.ifPresent(reason -> response.withData("problem", reason));
        return response.build();
    }
}
