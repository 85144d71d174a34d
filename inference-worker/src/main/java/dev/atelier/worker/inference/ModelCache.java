package dev.atelier.worker.inference;

import dev.atelier.contracts.models.ModelManifest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Live models by (style, version, sha256), least recently used first out. A model leaves the cache
 * when evicted or retired, but is closed only once no job holds a {@link Lease} on it, so in-flight
 * work always finishes on the session it started with. (Longer than most classes here: the lease
 * and retirement bookkeeping has to share one lock.)
 *
 * @param <M> the model type (a {@link LoadedModel}; anything closeable in tests)
 */
public final class ModelCache<M extends AutoCloseable> implements AutoCloseable {
    private final Function<ModelManifest, M> loader;
    private final int maxSize;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    public ModelCache(Function<ModelManifest, M> loader, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("the model cache must hold at least one model, was " + maxSize);
        }
        this.loader = loader;
        this.maxSize = maxSize;
    }

    /** The model for a manifest, loaded on first use; close the lease when done with it. */
    public Lease acquire(ModelManifest manifest) {
        String key = key(manifest);
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry != null) {
                return entry.lease();
            }
        }
        // Loading takes seconds: not under the lock. Two jobs may load the same model; one copy is dropped.
        M loaded = loader.apply(manifest);
        List<Entry> evicted = new ArrayList<>();
        Lease lease;
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry == null) {
                entry = new Entry(manifest.styleId(), manifest.version(), loaded);
                entries.put(key, entry);
                loaded = null;
            }
            lease = entry.lease();
            Iterator<Entry> eldest = entries.values().iterator();
            while (entries.size() > maxSize && eldest.hasNext()) {
                Entry candidate = eldest.next();
                if (candidate != entry) {
                    eldest.remove();
                    evicted.add(candidate);
                }
            }
        }
        closeQuietly(loaded);
        evicted.forEach(Entry::retire);
        return lease;
    }

    /** Drops every cached version of a style except {@code keepVersion} (a new version became current). */
    public void retireOtherVersions(String styleId, int keepVersion) {
        List<Entry> retired = new ArrayList<>();
        synchronized (this) {
            entries.values().removeIf(e -> {
                boolean drop = e.styleId.equals(styleId) && e.version != keepVersion;
                if (drop) {
                    retired.add(e);
                }
                return drop;
            });
        }
        retired.forEach(Entry::retire);
    }

    /** Models in the cache (retired ones still finishing a job are not counted). */
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public void close() {
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        all.forEach(Entry::retire);
    }

    private static String key(ModelManifest manifest) {
        return manifest.styleId() + "@" + manifest.version() + "#" + manifest.sha256();
    }

    private static void closeQuietly(AutoCloseable model) {
        if (model == null) {
            return;
        }
        try {
            model.close();
        } catch (Exception e) {
            // Native memory may leak; nothing else can be done about a failing close.
        }
    }

    /** A job's hold on a model; closing it lets a retired model be closed. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public M model() {
            return entry.model;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                entry.release();
            }
        }
    }

    private final class Entry {
        private final String styleId;
        private final int version;
        private final M model;
        private int leases;
        private boolean retired;
        private boolean closed;

        private Entry(String styleId, int version, M model) {
            this.styleId = styleId;
            this.version = version;
            this.model = model;
        }

        private Lease lease() {
            synchronized (ModelCache.this) {
                leases++;
                return new Lease(this);
            }
        }

        private void release() {
            synchronized (ModelCache.this) {
                leases--;
                if (!retired || leases > 0 || closed) {
                    return;
                }
                closed = true;
            }
            closeQuietly(model);
        }

        private void retire() {
            synchronized (ModelCache.this) {
                retired = true;
                if (leases > 0 || closed) {
                    return;
                }
                closed = true;
            }
            closeQuietly(model);
        }
    }
}
