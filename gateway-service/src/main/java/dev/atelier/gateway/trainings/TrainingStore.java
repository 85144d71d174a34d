package dev.atelier.gateway.trainings;

import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Style images, training records and previews in the object store, at the keys of {@link StorageKeys}. */
@Singleton
public class TrainingStore {
    private final ObjectStore store;

    TrainingStore(ObjectStore store) {
        this.store = store;
    }

    /** Streams the uploaded file to the store. */
    public void putStyleImage(String key, Path file, ImageInfo info) {
        try (InputStream in = Files.newInputStream(file)) {
            store.put(key, in, info.bytes(), info.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + file, e);
        }
    }

    public void save(TrainingRecord record) {
        store.putJson(StorageKeys.training(record.id()), record);
    }

    public Optional<TrainingRecord> find(String trainingId) {
        return store.getJson(StorageKeys.training(trainingId), TrainingRecord.class);
    }

    public Optional<byte[]> get(String key) {
        return store.get(key);
    }

    /** Whether the dataset was imported (its manifest is written after every photo). */
    public boolean datasetExists(String name) {
        return store.exists(StorageKeys.datasetManifest(name));
    }
}
