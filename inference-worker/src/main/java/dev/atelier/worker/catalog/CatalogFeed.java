package dev.atelier.worker.catalog;

import dev.atelier.platform.catalog.ModelCatalog;
import dev.atelier.platform.catalog.ModelCatalogReader;
import dev.atelier.platform.events.KafkaSettings;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the platform's {@link ModelCatalogReader} with the application and closes it on shutdown. */
@Startup
@Singleton
public class CatalogFeed {
    private final ModelCatalog catalog = new ModelCatalog();
    private final ModelCatalogReader reader;

    public CatalogFeed(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        KafkaSettings kafka = new KafkaSettings(bootstrapServers, Map.of("client.id", "atelier-worker-catalog"));
        this.reader = new ModelCatalogReader(kafka, catalog).start();
    }

    @Produces
    @Singleton
    ModelCatalog catalog() {
        return catalog;
    }

    /** Whether the catalog has caught up with the topic. */
    public boolean isLoaded() {
        return reader.isLoaded();
    }

    /** Why the catalog may be stale right now (its reader failed or stopped); empty when it follows the topic. */
    public Optional<String> problem() {
        return reader.problem();
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
