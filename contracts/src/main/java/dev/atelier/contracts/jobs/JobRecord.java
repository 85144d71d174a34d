package dev.atelier.contracts.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * The job record stored at {@code jobs/{tenant}/{jobId}.json}: the single source of truth for a
 * job's status. Written by the gateway (QUEUED) and then only by the worker that runs the job.
 *
 * @param id time-ordered, unguessable job id (UUIDv7)
 * @param tenant owner of the job
 * @param styleId the style asked for
 * @param requestedVersion the version pinned by the client, or null for the current one
 * @param modelVersion the version that ran the job, once known
 * @param options strength and output format
 * @param status where the job is in its lifecycle
 * @param input the input image as the gateway saw it
 * @param inputKey S3 key of the input image
 * @param outputKey S3 key of the result, once SUCCEEDED
 * @param outputWidth width of the result, once SUCCEEDED
 * @param outputHeight height of the result, once SUCCEEDED
 * @param executionProvider where inference ran ({@code cpu}, {@code cuda}), once known
 * @param attempts how many times a worker started this job
 * @param error why the job failed, when FAILED
 * @param createdAt when the gateway accepted the job
 * @param updatedAt when this record was last written
 * @param startedAt when a worker last started the job
 * @param finishedAt when the job reached a final state
 * @param deadline when the client stops wanting the result: a job not started by then ends EXPIRED; null for none
 * @param timings where the time went, once SUCCEEDED
 * @param traceId the OpenTelemetry trace the job's spans and log lines belong to (from the submitting request); null
 *     on records written before traces were kept
 * @param callbackUrl where the gateway delivers the job's final state (a Standard Webhooks POST), as the client gave
 *     it; null for none
 * @param optimisation the painting and settings of an optimisation job; null for a feed-forward job
 * @param progress how far the running optimisation has come (kept once final, as the last figures); null before its
 *     first report and for feed-forward jobs
 */
public record JobRecord(
        String id,
        String tenant,
        String styleId,
        Integer requestedVersion,
        Integer modelVersion,
        JobOptions options,
        JobStatus status,
        ImageInfo input,
        String inputKey,
        String outputKey,
        Integer outputWidth,
        Integer outputHeight,
        String executionProvider,
        int attempts,
        JobError error,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant deadline,
        JobTimings timings,
        String traceId,
        String callbackUrl,
        Optimisation optimisation,
        StepProgress progress) {

    /** A new job as the gateway accepts it. */
    public static JobRecord queued(
            String id,
            String tenant,
            String styleId,
            Integer requestedVersion,
            JobOptions options,
            ImageInfo input,
            String inputKey,
            Instant now) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                null,
                options,
                JobStatus.QUEUED,
                input,
                inputKey,
                null,
                null,
                null,
                null,
                0,
                null,
                now,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public JobRecord running(int modelVersion, String provider, Instant now) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                JobStatus.RUNNING,
                input,
                inputKey,
                null,
                null,
                null,
                provider,
                attempts + 1,
                null,
                createdAt,
                now,
                now,
                null,
                deadline,
                null,
                traceId,
                callbackUrl,
                optimisation,
                null);
    }

    public JobRecord succeeded(String outputKey, int width, int height, Instant now) {
        return succeeded(outputKey, width, height, now, null);
    }

    /** With where the time went. */
    public JobRecord succeeded(String outputKey, int width, int height, Instant now, JobTimings spent) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                JobStatus.SUCCEEDED,
                input,
                inputKey,
                outputKey,
                width,
                height,
                executionProvider,
                attempts,
                null,
                createdAt,
                now,
                startedAt,
                now,
                deadline,
                spent,
                traceId,
                callbackUrl,
                optimisation,
                progress);
    }

    public JobRecord failed(JobError error, Instant now) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                JobStatus.FAILED,
                input,
                inputKey,
                null,
                null,
                null,
                executionProvider,
                attempts,
                error,
                createdAt,
                now,
                startedAt,
                now,
                deadline,
                timings,
                traceId,
                callbackUrl,
                optimisation,
                progress);
    }

    /** The same job, in the trace {@code id}. */
    public JobRecord withTraceId(String id) {
        return new JobRecord(
                this.id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                status,
                input,
                inputKey,
                outputKey,
                outputWidth,
                outputHeight,
                executionProvider,
                attempts,
                error,
                createdAt,
                updatedAt,
                startedAt,
                finishedAt,
                deadline,
                timings,
                id,
                callbackUrl,
                optimisation,
                progress);
    }

    /** The same QUEUED job, its final state to be delivered to {@code url} (null: nowhere). */
    public JobRecord withCallbackUrl(String url) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                status,
                input,
                inputKey,
                outputKey,
                outputWidth,
                outputHeight,
                executionProvider,
                attempts,
                error,
                createdAt,
                updatedAt,
                startedAt,
                finishedAt,
                deadline,
                timings,
                traceId,
                url,
                optimisation,
                progress);
    }

    /** The same QUEUED job, to be given up on when it has not started by {@code at}. */
    public JobRecord withDeadline(Instant at) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                status,
                input,
                inputKey,
                outputKey,
                outputWidth,
                outputHeight,
                executionProvider,
                attempts,
                error,
                createdAt,
                updatedAt,
                startedAt,
                finishedAt,
                at,
                timings,
                traceId,
                callbackUrl,
                optimisation,
                progress);
    }

    /** The same QUEUED job as an optimisation of the client's painting instead of a run of a trained model. */
    public JobRecord withOptimisation(Optimisation settings) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                status,
                input,
                inputKey,
                outputKey,
                outputWidth,
                outputHeight,
                executionProvider,
                attempts,
                error,
                createdAt,
                updatedAt,
                startedAt,
                finishedAt,
                deadline,
                timings,
                traceId,
                callbackUrl,
                settings,
                progress);
    }

    /** The same RUNNING job, further on. */
    public JobRecord withProgress(StepProgress reached, Instant now) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                status,
                input,
                inputKey,
                outputKey,
                outputWidth,
                outputHeight,
                executionProvider,
                attempts,
                error,
                createdAt,
                now,
                startedAt,
                finishedAt,
                deadline,
                timings,
                traceId,
                callbackUrl,
                optimisation,
                reached);
    }

    /** Whether the job optimises the client's painting rather than running a trained model. */
    public boolean optimises() {
        return optimisation != null;
    }

    /** Cancelled by its owner before inference. */
    public JobRecord cancelled(Instant now) {
        return ended(JobStatus.CANCELLED, now);
    }

    /** Its deadline passed before inference started. */
    public JobRecord expired(Instant now) {
        return ended(JobStatus.EXPIRED, now);
    }

    /**
     * The record as it stood while its last attempt ran, rebuilt from a later one (for a watcher that read
     * only the final state of a job that ran); empty for a job that never started.
     */
    public Optional<JobRecord> whileRunning() {
        if (attempts == 0 || startedAt == null) {
            return Optional.empty();
        }
        return Optional.of(new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                JobStatus.RUNNING,
                input,
                inputKey,
                null,
                null,
                null,
                executionProvider,
                attempts,
                null,
                createdAt,
                startedAt,
                startedAt,
                null,
                deadline,
                null,
                traceId,
                callbackUrl,
                optimisation,
                progress));
    }

    /** Whether the deadline, if any, has passed at {@code now}. */
    public boolean isPastDeadline(Instant now) {
        return deadline != null && now.isAfter(deadline);
    }

    private JobRecord ended(JobStatus finalStatus, Instant now) {
        return new JobRecord(
                id,
                tenant,
                styleId,
                requestedVersion,
                modelVersion,
                options,
                finalStatus,
                input,
                inputKey,
                null,
                null,
                null,
                executionProvider,
                attempts,
                null,
                createdAt,
                now,
                startedAt,
                now,
                deadline,
                timings,
                traceId,
                callbackUrl,
                optimisation,
                progress);
    }
}
