package dev.atelier.trainer.optimise;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.Topics;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.JobCancelled;
import dev.atelier.contracts.events.JobExpired;
import dev.atelier.contracts.events.JobFailed;
import dev.atelier.contracts.events.JobProgressed;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.events.JobStarted;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobTimings;
import dev.atelier.contracts.jobs.Optimisation;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.jobs.StepProgress;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.ImageEncoder;
import dev.atelier.imaging.ImageTooLargeException;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.UndecodableImageException;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.jobs.FinalEvents;
import dev.atelier.platform.jobs.JobRecords;
import dev.atelier.platform.retry.Backoff;
import dev.atelier.platform.retry.Retry;
import dev.atelier.platform.retry.RetryStoppedException;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.trainer.config.TrainerConfig;
import dev.atelier.trainer.runs.ShutdownSignal;
import dev.atelier.trainer.training.GatysOptimizer;
import dev.atelier.trainer.training.GuardedStep;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One delivery of an optimisation job, the lifecycle of the worker's feed-forward jobs: a final job is re-announced,
 * not redone; a job whose earlier starts all died is failed as {@code worker.crashed}; a job past its deadline ends
 * EXPIRED; otherwise RUNNING is recorded and announced, the optimisation runs ({@link ProgressReports} between steps:
 * progress, previews, cancellation, shutdown), the result is stored, SUCCEEDED recorded and announced. Every write
 * goes to a fixed key, so a delivery can be repeated after any failure; S3 and Kafka failures are retried.
 */
@Singleton
public class OptimisationJobs {
    private static final Logger LOG = Logger.getLogger(OptimisationJobs.class);
    private static final float JPEG_QUALITY = 0.9f;

    private final JobRecords records;
    private final ObjectStore store;
    private final EventPublisher events;
    private final PaintingOptimiser optimiser;
    private final ShutdownSignal shutdown;
    private final Clock clock;
    private final Retry retry;
    private final ImageDecoder decoder;
    private final ImageEncoder encoder = new ImageEncoder(JPEG_QUALITY);
    private final int maxStarts;
    private final int progressEvery;

    public OptimisationJobs(
            JobRecords records,
            ObjectStore store,
            EventPublisher events,
            PaintingOptimiser optimiser,
            ShutdownSignal shutdown,
            Clock clock,
            TrainerConfig config) {
        this.records = records;
        this.store = store;
        this.events = events;
        this.optimiser = optimiser;
        this.shutdown = shutdown;
        this.clock = clock;
        this.decoder = new ImageDecoder(config.optimise().maxInputPixels());
        this.maxStarts = config.optimise().maxStarts();
        this.progressEvery = config.optimise().progressEvery();
        TrainerConfig.Retry r = config.retry();
        this.retry = new Retry(
                "optimisation job",
                r.maxAttempts(),
                Backoff.exponential(r.initialBackoff(), r.maxBackoff()),
                Duration.ZERO,
                wait -> !shutdown.sleep(wait));
    }

    /** The trainer is stopping: the job is left, unacknowledged, to the next trainer. */
    static final class StoppingException extends RuntimeException {
        StoppingException() {
            super("the trainer is stopping");
        }
    }

    /** @return false when the trainer stopped before the job was final (leave the request unacknowledged) */
    public boolean process(JobRequested request, TraceContext trace) {
        try {
            retry.named("optimisation job " + request.jobId())
                    .run(number -> attempt(request, trace, number == 1), JobFailures.RETRY);
            return true;
        } catch (RetryStoppedException stopped) {
            return false;
        } catch (JobFailures.Failure failure) {
            if (failure.getCause() instanceof StoppingException) {
                return false;
            }
            fail(request, failure, trace);
            return true;
        }
    }

    private Void attempt(JobRequested request, TraceContext trace, boolean firstOfDelivery) {
        JobRecord record = records.load(request);
        if (record.status().isFinal()) {
            LOG.infof("job %s is already %s; acknowledging without rework", record.id(), record.status());
            FinalEvents.of(record).ifPresent(event -> publish(event, trace));
            return null;
        }
        if (!record.optimises()) {
            throw new JobFailures.Failure(
                    ErrorCodes.REQUEST_INVALID, "the job's record names no painting to optimise against", false, null);
        }
        if (firstOfDelivery && record.attempts() >= maxStarts) {
            throw new JobFailures.Failure(
                    ErrorCodes.WORKER_CRASHED,
                    "the job was started " + record.attempts() + " times and never finished: the trainer running it"
                            + " stopped each time (killed, out of memory or crashed), so it is not run again",
                    false,
                    null);
        }
        Instant now = clock.instant();
        if (record.isPastDeadline(now)) {
            JobRecord expired = record.expired(now);
            records.save(expired);
            publish(
                    new JobExpired(
                            expired.id(),
                            expired.tenant(),
                            expired.styleId(),
                            expired.deadline(),
                            expired.finishedAt()),
                    trace);
            return null;
        }
        JobRecord running = record.running(0, optimiser.device(), now);
        records.save(running);
        if (cancelled(running)) {
            cancel(running, trace);
            return null;
        }
        publish(
                new JobStarted(
                        running.id(),
                        running.tenant(),
                        running.styleId(),
                        0,
                        running.executionProvider(),
                        running.attempts(),
                        running.startedAt()),
                trace);
        try {
            run(running, trace);
        } catch (StoppingException stopping) {
            // A trainer stopping on purpose is no crash: the job goes back as it was, this start not counted.
            records.save(record);
            throw stopping;
        }
        return null;
    }

    private void run(JobRecord running, TraceContext trace) {
        Optimisation settings = running.optimisation();
        JobOptions options = running.options() != null ? running.options() : JobOptions.defaults();
        long decodeStart = System.nanoTime();
        // Shrunk at once: the optimisation never needs more, and the full-size copies leave the heap.
        BufferedImage photo = Resizing.shrink(read(running.inputKey(), "photo"), settings.maxSide());
        BufferedImage painting = Resizing.shrink(read(settings.styleImageKey(), "painting"), (int)
                Math.ceil(settings.maxSide() * JobOptions.MAX_STYLE_SCALE));
        long optimiseStart = System.nanoTime();
        ProgressReports reports = new ProgressReports(running, trace);
        BufferedImage result;
        try {
            result = optimiser.optimise(photo, painting, settings, options, reports);
        } catch (ProgressReports.CancelledException e) {
            cancel(reports.current(), trace);
            return;
        }
        long encodeStart = System.nanoTime();
        byte[] output = encoder.encode(result, options.outputFormat());
        long storeStart = System.nanoTime();
        String outputKey = StorageKeys.output(running.tenant(), running.id(), options.outputFormat());
        store.put(outputKey, output, options.outputFormat().mediaType());
        long stored = System.nanoTime();
        Instant finished = clock.instant();
        JobRecord current = reports.current();
        JobRecord succeeded = current.succeeded(
                outputKey,
                result.getWidth(),
                result.getHeight(),
                finished,
                new JobTimings(
                        millis(current.createdAt(), current.startedAt()),
                        (optimiseStart - decodeStart) / 1_000_000,
                        (encodeStart - optimiseStart) / 1_000_000,
                        (storeStart - encodeStart) / 1_000_000,
                        (stored - storeStart) / 1_000_000,
                        millis(current.createdAt(), finished)));
        records.save(succeeded);
        publish(FinalEvents.of(succeeded).orElseThrow(), trace);
        LOG.infof(
                "job %s: %d steps of optimisation against the %s network in %d ms, %dx%d",
                succeeded.id(),
                settings.steps(),
                optimiser.networkKind(),
                (encodeStart - optimiseStart) / 1_000_000,
                result.getWidth(),
                result.getHeight());
    }

    /** Told after each step: reports progress, and stops the optimisation for a cancellation or a shutdown. */
    private final class ProgressReports implements GatysOptimizer.StepListener {
        /** The owner cancelled the job. */
        static final class CancelledException extends RuntimeException {
            CancelledException() {
                super("cancelled by its owner");
            }
        }

        private final TraceContext trace;
        private JobRecord current;

        ProgressReports(JobRecord running, TraceContext trace) {
            this.current = running;
            this.trace = trace;
        }

        JobRecord current() {
            return current;
        }

        @Override
        public void stepped(int step, GuardedStep.Outcome outcome, Supplier<BufferedImage> picture) {
            if (shutdown.isStopping()) {
                throw new StoppingException();
            }
            int steps = current.optimisation().steps();
            if (step % progressEvery != 0 && step != steps) {
                return;
            }
            if (cancelled(current)) {
                throw new CancelledException();
            }
            String previewKey = StorageKeys.jobPreview(current.tenant(), current.id());
            store.put(previewKey, encoder.encode(picture.get(), OutputFormat.JPEG), "image/jpeg");
            StepProgress progress = new StepProgress(
                    step, steps, outcome.losses().style(), outcome.losses().content(), previewKey);
            current = current.withProgress(progress, clock.instant());
            records.save(current);
            publish(
                    new JobProgressed(
                            current.id(),
                            current.tenant(),
                            current.styleId(),
                            current.attempts(),
                            progress,
                            current.updatedAt()),
                    trace);
        }
    }

    private boolean cancelled(JobRecord job) {
        return store.exists(StorageKeys.jobCancellation(job.tenant(), job.id()));
    }

    private void cancel(JobRecord job, TraceContext trace) {
        JobRecord cancelled = job.cancelled(clock.instant());
        records.save(cancelled);
        publish(
                new JobCancelled(cancelled.id(), cancelled.tenant(), cancelled.styleId(), cancelled.finishedAt()),
                trace);
        LOG.infof("job %s CANCELLED by its owner", job.id());
    }

    private BufferedImage read(String key, String what) {
        byte[] encoded = store.get(key)
                .orElseThrow(() -> new JobFailures.Failure(
                        ErrorCodes.INPUT_MISSING,
                        "the " + what + " " + key + " is not in the object store",
                        false,
                        null));
        try {
            return decoder.decode(encoded);
        } catch (UndecodableImageException e) {
            throw new JobFailures.Failure(
                    ErrorCodes.INPUT_UNDECODABLE, "the " + what + ": " + e.getMessage(), false, e);
        } catch (ImageTooLargeException e) {
            throw new JobFailures.Failure(ErrorCodes.INPUT_TOO_LARGE, "the " + what + ": " + e.getMessage(), false, e);
        }
    }

    private void publish(AtelierEvent event, TraceContext trace) {
        events.publish(Topics.STYLIZE_EVENTS, event, trace);
    }

    /** Best effort: when S3 or Kafka is what failed, the log still has the reason. */
    private void fail(JobRequested request, JobFailures.Failure failure, TraceContext trace) {
        LOG.errorf("job %s failed: %s %s", request.jobId(), failure.code(), failure.getMessage());
        try {
            JobRecord current = records.load(request);
            if (current.status().isFinal()) {
                return;
            }
            JobRecord failed = current.failed(new JobError(failure.code(), failure.getMessage()), clock.instant());
            records.save(failed);
            publish(
                    new JobFailed(
                            failed.id(),
                            failed.tenant(),
                            failed.styleId(),
                            failed.error(),
                            failed.attempts(),
                            failed.finishedAt()),
                    trace);
        } catch (RuntimeException e) {
            LOG.errorf("could not record the failure of job %s: %s", request.jobId(), e.getMessage());
        }
    }

    private static long millis(Instant from, Instant to) {
        return from == null || to == null
                ? 0
                : Math.max(0, Duration.between(from, to).toMillis());
    }
}
