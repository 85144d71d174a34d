package dev.atelier.gateway.catalog;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.models.StyleRef;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns a client's style reference into the model that will run: the current version from the
 * catalog, or a pinned version, which must exist in the store (older versions are not on the
 * compacted topic any more, but their manifests stay in S3).
 */
@Singleton
public class StyleResolver {
    private final StyleCatalog catalog;
    private final ObjectStore store;

    StyleResolver(StyleCatalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * @throws ProblemException {@code catalog-not-ready} before the catalog is loaded,
     *     {@code unknown-style} for a style or pinned version that does not exist
     */
    public ModelManifest resolve(String tenant, StyleRef ref) {
        if (!catalog.isLoaded()) {
            throw new ProblemException(
                    ProblemType.CATALOG_NOT_READY, "the style catalog is still loading; try again shortly");
        }
        List<String> available =
                catalog.visibleTo(tenant).stream().map(ModelManifest::styleId).toList();
        ModelManifest current = catalog.currentFor(tenant, ref.styleId())
                .orElseThrow(() -> new ProblemException(
                                ProblemType.UNKNOWN_STYLE,
                                "there is no style '" + ref.styleId() + "'; available: " + available)
                        .with("style", ref.toString())
                        .with("availableStyles", available));
        if (ref.version() == null || ref.version() == current.version()) {
            return current;
        }
        return store.getJson(StorageKeys.manifest(ref.styleId(), ref.version()), ModelManifest.class)
                .filter(m -> m.isVisibleTo(tenant))
                .orElseThrow(() -> new ProblemException(
                                ProblemType.UNKNOWN_STYLE,
                                "style '" + ref.styleId() + "' has no version " + ref.version()
                                        + "; the current one is " + current.version())
                        .with("style", ref.toString())
                        .with("currentVersion", current.version())
                        .with("availableStyles", available));
    }
}
