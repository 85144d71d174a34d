package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads jobs back for their owner: a record, a page of them, a job's states as they change, and the result once
 * there is one. Another tenant's job is looked up under the caller's own prefix, so it is simply not found (404,
 * never 403).
 */
@Singleton
public class JobQueries {
    private final JobStore jobs;
    private final JobListing listing;
    private final JobWatcher watcher;

    JobQueries(JobStore jobs, JobListing listing, JobWatcher watcher) {
        this.jobs = jobs;
        this.listing = listing;
        this.watcher = watcher;
    }

    /** See {@link JobListing#list}. */
    public JobListing.Page list(String tenant, String cursor, Integer limit, String status) {
        return listing.list(tenant, cursor, limit, status);
    }

    /**
     * Each state of the job after the one {@code lastEventId} names (null or unreadable: from the current one),
     * ending with the final state; see {@link JobWatcher}.
     *
     * @throws ProblemException {@code job-not-found}, before anything is watched
     */
    public Multi<JobRecord> changes(String tenant, String id, String lastEventId) {
        find(tenant, id);
        return watcher.changes(tenant, id, JobProgress.parse(lastEventId).orElse(null));
    }

    /** The job's final record once it has one; empty when it has none within {@code wait}. Holds no thread meanwhile. */
    public Uni<Optional<JobRecord>> finished(String tenant, String id, Duration wait) {
        return watcher.changes(tenant, id, null)
                .filter(record -> record.status().isFinal())
                .toUni()
                .map(Optional::ofNullable)
                .ifNoItem()
                .after(wait)
                .recoverWithItem(Optional::empty);
    }

    /** @throws ProblemException {@code job-not-found}, also for ids that are not job ids at all */
    public JobRecord find(String tenant, String id) {
        // Checked before the id goes anywhere near an S3 key.
        if (!JobIds.isValid(id)) {
            throw notFound(id);
        }
        return jobs.find(tenant, id).orElseThrow(() -> notFound(id));
    }

    /**
     * The picture of an optimisation job as it stood at its last progress report (JPEG).
     *
     * @throws ProblemException {@code job-not-found}; {@code not-found} while there is none (a feed-forward job, or
     *     an optimisation that has not reported yet)
     */
    public byte[] preview(String tenant, String id) {
        JobRecord record = find(tenant, id);
        String key = record.progress() == null ? null : record.progress().previewKey();
        return Optional.ofNullable(key)
                .flatMap(jobs::get)
                .orElseThrow(() -> new ProblemException(
                                ProblemType.NOT_FOUND,
                                "job " + id + " has no preview yet: optimisation jobs (mode=optimise) have one from"
                                        + " their first progress report; feed-forward jobs have none")
                        .with("jobId", id));
    }

    /**
     * @throws ProblemException {@code job-not-found}; {@code job-not-finished} while QUEUED or RUNNING;
     *     {@code job-failed} with the reason; {@code job-gone} when CANCELLED or EXPIRED
     */
    public JobResult result(String tenant, String id) {
        return result(find(tenant, id));
    }

    /** As {@link #result(String, String)}, for a record the caller has just read (one S3 read fewer). */
    public JobResult result(JobRecord record) {
        JobRecord succeeded = succeeded(record);
        return new JobResult(
                record.id(),
                jobs.get(succeeded.outputKey())
                        .orElseThrow(() -> new IllegalStateException("job " + record.id() + " SUCCEEDED but its output "
                                + succeeded.outputKey() + " is missing")),
                succeeded.options().outputFormat());
    }

    /**
     * As {@link #result(String, String)}, without reading the image: a URL that fetches it, valid for {@code ttl}
     * and needing no credentials.
     */
    public String resultUrl(String tenant, String id, Duration ttl) {
        return jobs.presignedGet(succeeded(find(tenant, id)).outputKey(), ttl);
    }

    private static JobRecord succeeded(JobRecord record) {
        String id = record.id();
        return switch (record.status()) {
            case SUCCEEDED -> record;
            case QUEUED, RUNNING ->
                throw new ProblemException(
                                ProblemType.JOB_NOT_FINISHED,
                                "job " + id + " is " + record.status() + "; poll /v1/jobs/" + id
                                        + " until it is SUCCEEDED")
                        .with("jobId", id)
                        .with("jobStatus", record.status());
            case FAILED -> throw failed(record);
            case CANCELLED, EXPIRED ->
                throw new ProblemException(
                                ProblemType.JOB_GONE, "job " + id + " is " + record.status() + " and has no result")
                        .with("jobId", id)
                        .with("jobStatus", record.status());
        };
    }

    private static ProblemException failed(JobRecord record) {
        ProblemException problem = new ProblemException(
                        ProblemType.JOB_FAILED,
                        "job " + record.id() + " failed"
                                + (record.error() == null
                                        ? ""
                                        : ": " + record.error().message()))
                .with("jobId", record.id())
                .with("jobStatus", record.status());
        return record.error() == null ? problem : problem.with("error", record.error());
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.JOB_NOT_FOUND, "there is no job '" + id + "'");
    }
}
