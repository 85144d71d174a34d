package dev.atelier.worker.jobs;

import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.JobExpired;
import dev.atelier.contracts.events.JobFailed;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.jobs.FinalEvents;
import dev.atelier.platform.jobs.JobRecords;
import dev.atelier.platform.retry.Backoff;
import dev.atelier.platform.retry.Retry;
import dev.atelier.platform.retry.RetryStoppedException;
import dev.atelier.worker.config.WorkerConfig;
import dev.atelier.worker.inference.OnnxRuntime;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Handles one delivery of a job: a job already final is acknowledged without rework (its final
 * event announced again); a job already started {@code atelier.worker.max-starts} times without finishing
 * (each start is written to its record before the model runs, so only a worker that died leaves one behind)
 * is failed as {@code worker.crashed} rather than run again; otherwise attempts run under the
 * platform's {@link Retry} (what is permanent: {@link FailureClassifier}), and a job that fails for good is recorded FAILED with its reason and announced with
 * {@code JobFailed}.
 */
@Singleton
public class JobProcessor {
    private static final Logger LOG = Logger.getLogger(JobProcessor.class);

    private final JobRecords records;
    private final JobRun run;
    private final JobEvents events;
    private final JobMetrics metrics;
    private final Retry retry;
    private final Clock clock;
    private final String provider;
    private final int maxStarts;

    public JobProcessor(
            JobRecords records,
            JobRun run,
            JobEvents events,
            JobMetrics metrics,
            WorkerConfig config,
            Clock clock,
            OnnxRuntime runtime) {
        this.records = records;
        this.run = run;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.provider = runtime.provider().label();
        this.maxStarts = config.maxStarts();
        WorkerConfig.Retry r = config.retry();
        this.retry = new Retry(
                "job",
                r.maxAttempts(),
                Backoff.exponential(r.initialBackoff(), r.maxBackoff()),
                r.outageWindow(),
                Retry.Pause.SLEEP);
    }

    /**
     * @return empty when the job is done (acknowledge it), else the error it failed with (dead-letter it)
     * @throws WorkerStoppingException when the worker stopped the job before its model ran: leave it to another
     */
    public Optional<JobError> process(JobRequested request, TraceContext trace) {
        try {
            retry.named("job " + request.jobId())
                    .run(number -> attempt(request, trace, number == 1), FailureClassifier.RETRY);
            return Optional.empty();
        } catch (RetryStoppedException stopped) {
            // Interrupted while waiting to retry (the worker stopping): the job fails with the failure it was to retry.
            return failed(request, (JobFailure) stopped.lastFailure(), trace);
        } catch (JobFailure failure) {
            if (failure.getCause() instanceof WorkerStoppingException stopping) {
                throw stopping;
            }
            return failed(request, failure, trace);
        }
    }

    private Optional<JobError> failed(JobRequested request, JobFailure failure, TraceContext trace) {
        LOG.errorf("job %s failed: %s", request.jobId(), failure.getMessage());
        if (ErrorCodes.WORKER_CRASHED.equals(failure.error().code())) {
            metrics.crashed(request.styleId());
        }
        recordFailure(request, failure.error(), trace);
        return Optional.of(failure.error());
    }

    private Void attempt(JobRequested request, TraceContext trace, boolean firstOfDelivery) throws Exception {
        JobRecord record = records.load(request);
        if (record.status().isFinal()) {
            LOG.infof("job %s is already %s; acknowledging without rework", record.id(), record.status());
            FinalEvents.of(record).ifPresent(event -> events.publish(event, trace));
            return null;
        }
        // Only on a delivery's first attempt: this delivery's own retries start the job again on purpose.
        if (firstOfDelivery && record.attempts() >= maxStarts) {
            throw JobFailure.permanent(
                    ErrorCodes.WORKER_CRASHED,
                    "the job was started " + record.attempts()
                            + " times and never finished: the worker running it stopped each time (killed, out of memory or"
                            + " crashed), so it is not run again");
        }
        if (record.isPastDeadline(clock.instant())) {
            JobRecord expired = record.expired(clock.instant());
            records.save(expired);
            events.publish(
                    new JobExpired(
                            expired.id(),
                            expired.tenant(),
                            expired.styleId(),
                            expired.deadline(),
                            expired.finishedAt()),
                    trace);
            LOG.infof("job %s EXPIRED: its deadline %s passed before inference", record.id(), record.deadline());
            return null;
        }
        Optional<JobRun.Done> outcome = run.run(record, trace);
        if (outcome.isEmpty()) {
            LOG.infof("job %s CANCELLED by its owner before inference", record.id());
            return null;
        }
        JobRun.Done done = outcome.get();
        LOG.infof(
                "job %s succeeded with %s@%d in %d ms of inference%s",
                done.record().id(),
                done.record().styleId(),
                done.record().modelVersion(),
                done.inference().toMillis(),
                done.batch() > 1 ? " (its share of a batch of " + done.batch() + ")" : "");
        metrics.succeeded(
                record.styleId(),
                provider,
                Duration.between(record.createdAt(), done.record().finishedAt()),
                done.queueWait(),
                done.inference());
        return null;
    }

    /** Best effort: when S3 or Kafka is what failed, the DLQ record still carries the reason. */
    private void recordFailure(JobRequested request, JobError error, TraceContext trace) {
        metrics.failed(
                request.styleId(),
                request.requestedAt() == null
                        ? Duration.ZERO
                        : Duration.between(request.requestedAt(), clock.instant()));
        try {
            JobRecord current = records.load(request);
            if (current.status().isFinal()) {
                return;
            }
            JobRecord failed = current.failed(error, clock.instant());
            records.save(failed);
            events.publish(
                    new JobFailed(
                            failed.id(),
                            failed.tenant(),
                            failed.styleId(),
                            error,
                            failed.attempts(),
                            failed.finishedAt()),
                    trace);
        } catch (RuntimeException e) {
            LOG.errorf("could not record the failure of job %s: %s", request.jobId(), e.getMessage());
        }
    }
}
