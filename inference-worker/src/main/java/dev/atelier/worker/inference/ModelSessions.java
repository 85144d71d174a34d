package dev.atelier.worker.inference;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.platform.catalog.ModelCatalog;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.worker.config.WorkerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The worker's model sessions: a {@link ModelCache} of models loaded from S3, whose superseded
 * versions are retired as soon as the catalog announces a new current one (jobs still running on
 * them finish first). Exports {@code atelier_models_loaded}.
 */
@Singleton
public class ModelSessions {
    private final ModelCache<LoadedModel> cache;

    public ModelSessions(
            ObjectStore store, OnnxRuntime runtime, WorkerConfig config, ModelCatalog catalog, MeterRegistry registry) {
        ModelLoader loader = new ModelLoader(store, runtime);
        this.cache = new ModelCache<>(loader::load, config.modelCacheSize());
        catalog.onPublished(manifest -> cache.retireOtherVersions(manifest.styleId(), manifest.version()));
        Gauge.builder("atelier.models.loaded", cache, ModelCache::size)
                .description("Model sessions (style, version) held in memory")
                .register(registry);
    }

    /** A lease on the model of a manifest, loading it if need be; close it when the job is done. */
    public ModelCache<LoadedModel>.Lease acquire(ModelManifest manifest) {
        return cache.acquire(manifest);
    }

    @PreDestroy
    void close() {
        cache.close();
    }
}
