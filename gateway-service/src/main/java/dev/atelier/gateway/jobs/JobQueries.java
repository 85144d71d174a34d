package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Singleton;

/**
 * Reads jobs back for their owner: the record, and the result once there is one. Another tenant's
 * job is looked up under the caller's own prefix, so it is simply not found (404, never 403).
 */
@Singleton
public class JobQueries {
    private final JobStore jobs;

    JobQueries(JobStore jobs) {
        this.jobs = jobs;
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
     * @throws ProblemException {@code job-not-found}; {@code job-not-finished} while QUEUED or RUNNING;
     *     {@code job-failed} with the reason; {@code job-gone} when CANCELLED or EXPIRED
     */
    public JobResult result(String tenant, String id) {
        return result(find(tenant, id));
    }

    /** As {@link #result(String, String)}, for a record the caller has just read (one S3 read fewer). */
    public JobResult result(JobRecord record) {
        JobRecord succeeded = succeeded(record);
        return new JobResult(record.id(), jobs.get(succeeded.outputKey()).orElseThrow(() -> new IllegalStateException(
                "job " + record.id() + " SUCCEEDED but its output " + succeeded.outputKey() + " is missing")),
                succeeded.options().outputFormat());
    }

    /** As {@link #result}, without reading the image: the record of a SUCCEEDED job. */
    public JobRecord succeeded(String tenant, String id) {
        return succeeded(find(tenant, id));
    }

    private static JobRecord succeeded(JobRecord record) {
        String id = record.id();
        return switch (record.status()) {
            case SUCCEEDED -> record;
            case QUEUED, RUNNING -> throw new ProblemException(ProblemType.JOB_NOT_FINISHED,
                    "job " + id + " is " + record.status() + "; poll /v1/jobs/" + id + " until it is SUCCEEDED")
                    .with("jobId", id).with("jobStatus", record.status());
            case FAILED -> throw failed(record);
            case CANCELLED, EXPIRED -> throw new ProblemException(ProblemType.JOB_GONE,
                    "job " + id + " is " + record.status() + " and has no result").with("jobId", id).with("jobStatus", record.status());
        };
    }

    private static ProblemException failed(JobRecord record) {
        ProblemException problem = new ProblemException(ProblemType.JOB_FAILED, "job " + record.id() + " failed"
                + (record.error() == null ? "" : ": " + record.error().message()))
                .with("jobId", record.id()).with("jobStatus", record.status());
        return record.error() == null ? problem : problem.with("error", record.error());
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.JOB_NOT_FOUND, "there is no job '" + id + "'");
    }
}
