package dev.atelier.platform.catalog;

import dev.atelier.contracts.models.ModelManifest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The styles Atelier serves: the current manifest of each style, as last published on the compacted
 * {@code atelier.models} topic. Thread-safe; listeners hear of every new current manifest.
 */
public final class ModelCatalog {
    private final Map<String, ModelManifest> current = new ConcurrentHashMap<>();
    private final List<Consumer<ModelManifest>> listeners = new CopyOnWriteArrayList<>();

    /** Makes a manifest its style's current version (a re-published older version is a rollback). */
    public void put(ModelManifest manifest) {
        current.put(manifest.styleId(), manifest);
        listeners.forEach(listener -> listener.accept(manifest));
    }

    /** Drops a style (a tombstone on the topic). */
    public void remove(String styleId) {
        current.remove(styleId);
    }

    public Optional<ModelManifest> current(String styleId) {
        return Optional.ofNullable(current.get(styleId));
    }

    /** Current manifests, by style id. */
    public List<ModelManifest> all() {
        return current.values().stream()
                .sorted(Comparator.comparing(ModelManifest::styleId))
                .toList();
    }

    public void onPublished(Consumer<ModelManifest> listener) {
        listeners.add(listener);
    }
}
