package dev.atelier.gateway.catalog;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.platform.catalog.ModelCatalog;
import dev.atelier.platform.catalog.ModelCatalogReader;
import dev.atelier.platform.events.KafkaSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current model of every style, kept equal to the models topic by a background reader that
 * starts with the application and stops with it.
 */
@Singleton
public class StyleCatalog {
    private final ModelCatalog catalog = new ModelCatalog();
    private final ModelCatalogReader reader;

    StyleCatalog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, GatewayConfig config) {
        this.reader = new ModelCatalogReader(
                new KafkaSettings(bootstrapServers), catalog, config.catalog().topic());
    }

    /** Starts reading at startup, so readiness can wait for the catalog before traffic arrives. */
    void start(@Observes StartupEvent event) {
        reader.start();
    }

    @PreDestroy
    void stop() {
        reader.close();
    }

    /** Whether the catalog has caught up with the topic; before that, "unknown style" would be a lie. */
    public boolean isLoaded() {
        return reader.isLoaded();
    }

    /** Why the catalog may be stale right now (its reader failed or stopped); empty when it follows the topic. */
    public Optional<String> problem() {
        return reader.problem();
    }

    public Optional<ModelManifest> current(String styleId) {
        return catalog.current(styleId);
    }

    /** Current manifests, by style id. */
    public List<ModelManifest> all() {
        return catalog.all();
    }

    public List<String> styleIds() {
        return all().stream().map(ModelManifest::styleId).toList();
    }

    /** The current version of a style the tenant may use; another tenant's style is simply not there. */
    public Optional<ModelManifest> currentFor(String tenant, String styleId) {
        return current(styleId).filter(m -> m.isVisibleTo(tenant));
    }

    /** The styles a tenant may use: everyone's and its own. */
    public List<ModelManifest> visibleTo(String tenant) {
        return all().stream().filter(m -> m.isVisibleTo(tenant)).toList();
    }
}
