package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Job inputs, records and outputs in the object store, at the keys of {@link StorageKeys}. */
@Singleton
public class JobStore {
    private static final Logger LOG = Logger.getLogger(JobStore.class);

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

    /** Best effort, for the input of a request refused after it was stored: a lifecycle rule catches what remains. */
    public void deleteInput(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("the input %s of a refused request stays in the store: %s", key, e.getMessage());
        }
    }

    public void save(JobRecord record) {
        store.putJson(StorageKeys.job(record.tenant(), record.id()), record);
    }

    /** The job's entry in its tenant's newest-first listing (written before the record; see StorageKeys). */
    public void index(JobRecord record) {
        store.put(StorageKeys.jobListing(record.tenant(), record.id()), new byte[0], "application/octet-stream");
    }

    /** Up to {@code max} job ids of a tenant, newest first, after the one {@code after} (null: from the newest). */
    public List<String> newestFirst(String tenant, String after, int max) {
        String prefix = StorageKeys.jobListingPrefix(tenant);
        return store.list(prefix, after == null ? null : StorageKeys.jobListing(tenant, after), max).stream()
                .map(key -> JobIds.newestFirst(key.substring(prefix.length())))
                .toList();
    }

    /** Records the owner's wish to cancel; the worker reads it before inference. */
    public void requestCancellation(String tenant, String jobId) {
        store.put(StorageKeys.jobCancellation(tenant, jobId), new byte[0], "application/octet-stream");
    }

    public void withdrawCancellation(String tenant, String jobId) {
        store.delete(StorageKeys.jobCancellation(tenant, jobId));
    }

    public Optional<JobRecord> find(String tenant, String jobId) {
        return store.getJson(StorageKeys.job(tenant, jobId), JobRecord.class);
    }

    public Optional<byte[]> get(String key) {
        return store.get(key);
    }

    /** A URL that GETs the object without credentials until {@code ttl} has passed. */
    public String presignedGet(String key, Duration ttl) {
        return store.presignedGet(key, ttl);
    }
}
