package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Job inputs, records and outputs in the object store, at the keys of {@link StorageKeys}. */
@Singleton
public class JobStore {
    private final ObjectStore store;

    JobStore(ObjectStore store) {
        this.store = store;
    }

    /** Streams the uploaded file to the store (it is never held in memory whole). */
    public void putInput(String key, Path file, ImageInfo info) {
        try (InputStream in = Files.newInputStream(file)) {
            store.put(key, in, info.bytes(), info.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + file, e);
        }
    }

    public void save(JobRecord record) {
        store.putJson(StorageKeys.job(record.tenant(), record.id()), record);
    }

    public Optional<JobRecord> find(String tenant, String jobId) {
        return store.getJson(StorageKeys.job(tenant, jobId), JobRecord.class);
    }

    public Optional<byte[]> get(String key) {
        return store.get(key);
    }
}
