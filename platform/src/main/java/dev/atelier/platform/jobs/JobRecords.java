package dev.atelier.platform.jobs;

import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.platform.storage.ObjectStore;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Reads and writes job records in S3: the single source of truth for a job's status. */
public class JobRecords {
    private static final Logger LOG = Logger.getLogger(JobRecords.class);

    private final ObjectStore store;
    private final Clock clock;

    public JobRecords(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The job's record; rebuilt as QUEUED from the request if the gateway's record is missing. */
    public JobRecord load(JobRequested request) {
        return store.getJson(StorageKeys.job(request.tenant(), request.jobId()), JobRecord.class)
                .orElseGet(() -> {
                    LOG.warnf(
                            "job %s has no record at %s; rebuilding it from the request",
                            request.jobId(), StorageKeys.job(request.tenant(), request.jobId()));
                    return JobRecord.queued(
                                    request.jobId(),
                                    request.tenant(),
                                    request.styleId(),
                                    request.requestedVersion(),
                                    request.options(),
                                    request.input(),
                                    request.inputKey(),
                                    request.requestedAt() != null ? request.requestedAt() : clock.instant())
                            .withOptimisation(request.optimisation());
                });
    }

    public void save(JobRecord record) {
        store.putJson(StorageKeys.job(record.tenant(), record.id()), record);
    }
}
