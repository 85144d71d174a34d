package dev.atelier.worker.catalog;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.catalog.ModelCatalog;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.worker.inference.ModelUnavailableException;
import jakarta.inject.Singleton;

/**
 * The manifest a job runs with: the style's current one from the catalog, or, for a pinned
 * version, that version's manifest from S3 (the catalog holds only current versions).
 */
@Singleton
public class ModelResolver {
    private final ModelCatalog catalog;
    private final ObjectStore store;

    public ModelResolver(ModelCatalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** @throws ModelUnavailableException for an unknown style or version */
    public ModelManifest resolve(String styleId, Integer requestedVersion) {
        ModelManifest current = catalog.current(styleId).orElse(null);
        if (requestedVersion == null) {
            if (current == null) {
                // The gateway saw this style in its catalog; ours may lag a moment behind.
                throw new ModelUnavailableException("style '" + styleId + "' is not in the model catalog", true);
            }
            return current;
        }
        if (current != null && current.version() == requestedVersion) {
            return current;
        }
        return store.getJson(StorageKeys.manifest(styleId, requestedVersion), ModelManifest.class)
                .orElseThrow(() -> new ModelUnavailableException(
                        "style '" + styleId + "' has no version " + requestedVersion, false));
    }
}
