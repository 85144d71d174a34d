package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Cancels a job that has not started. S3 has no compare-and-set, so the gateway and the worker meet on
 * a cancellation object: the gateway writes it and then reads the record; the worker records RUNNING and
 * then looks for it. Whichever order the four steps run in, a job the gateway still saw QUEUED is never
 * inferred (the worker sees the object), and a job the gateway saw RUNNING is left to finish (the object
 * is withdrawn; only a worker that looked in the few milliseconds between may still cancel it). A running
 * optimisation job (minutes long) can be cancelled too: its trainer looks for the object between steps.
 */
@Singleton
public class JobCancellation {
    private static final Logger LOG = Logger.getLogger(JobCancellation.class);

    private final JobQueries queries;
    private final JobStore jobs;
    private final Clock clock;

    JobCancellation(JobQueries queries, JobStore jobs, Clock clock) {
        this.queries = queries;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * @return the job's record, CANCELLED (also when it already was: cancelling is idempotent); a running optimisation
     *     job's as it stands, RUNNING, its trainer asked to stop at its next progress report
     * @throws ProblemException {@code job-not-found}; {@code job-not-cancellable} once RUNNING (a feed-forward job)
     *     or final
     */
    public JobRecord cancel(String tenant, String id) {
        JobRecord record = queries.find(tenant, id);
        if (record.status() == JobStatus.RUNNING && record.optimises()) {
            // The trainer looks for the cancellation between steps and records CANCELLED itself.
            jobs.requestCancellation(tenant, id);
            LOG.infof("job %s: its owner asked the running optimisation to stop", id);
            return record;
        }
        if (record.status() != JobStatus.QUEUED) {
            return alreadyPast(record);
        }
        jobs.requestCancellation(tenant, id);
        JobRecord current = queries.find(tenant, id);
        if (current.status() != JobStatus.QUEUED) {
            jobs.withdrawCancellation(tenant, id);
            return alreadyPast(current);
        }
        JobRecord cancelled = current.cancelled(clock.instant());
        jobs.save(cancelled);
        LOG.infof("job %s CANCELLED by its owner", id);
        return cancelled;
    }

    private static JobRecord alreadyPast(JobRecord record) {
        if (record.status() == JobStatus.CANCELLED) {
            return record;
        }
        throw new ProblemException(
                        ProblemType.JOB_NOT_CANCELLABLE,
                        "job " + record.id() + " is " + record.status() + ": only a QUEUED job can be cancelled")
                .with("jobId", record.id())
                .with("jobStatus", record.status());
    }
}
