package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.jobs.JobTimings;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A job as clients see it, in the API's answers, its event stream and the webhooks announcing it: the record
 * without storage keys, tenant and callback URL, plus where to fetch the result once there is one.
 */
@Schema(name = "Job")
public record JobView(
        String id,
        JobStatus status,
        @Schema(description = "The style asked for") String styleId,

        @Schema(description = "The model version pinned by the client, if any")
        Integer requestedVersion,

        @Schema(description = "The model version that ran the job, once known")
        Integer modelVersion,

        JobOptions options,

        @Schema(
                description =
                        "The input image as the gateway saw it (width and height as stored, before EXIF orientation)")
        ImageInfo input,

        Integer outputWidth,
        Integer outputHeight,
        String executionProvider,
        int attempts,
        JobError error,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,

        @Schema(description = "When a job not started by then ends EXPIRED, if the client set a deadline")
        Instant deadline,

        @Schema(description = "Where to GET the result, once SUCCEEDED")
        String resultUrl,

        @Schema(
                description =
                        "Where a SUCCEEDED job's time went, in milliseconds: queued (acceptance to a worker starting"
                                + " it), decode, inference, encode, store, total (acceptance to the final record)")
        JobTimings timings,

        @Schema(
                description = "The OpenTelemetry trace id of the job: its spans, and every log line about it, carry it"
                        + " (send a W3C traceparent header with the request to make it your trace)")
        String traceId,

        @Schema(
                enumeration = {"feedforward", "optimise"},
                description = "feedforward: a trained style ran; optimise: the picture is optimised against the"
                        + " client's painting")
        String mode,

        @Schema(description = "mode=optimise: the painting as the gateway saw it, and the optimisation's settings")
        OptimisationView optimisation,

        @Schema(
                description = "mode=optimise, once RUNNING: how far the optimisation has come (kept once final, as its"
                        + " last figures)")
        ProgressView progress) {

    /** An optimisation job's painting and settings. */
    @Schema(name = "JobOptimisation")
    public record OptimisationView(ImageInfo styleImage, int steps, int maxSide, Double contentWeight) {}

    /** How far a running optimisation has come, and where its latest picture is. */
    @Schema(name = "JobProgress")
    public record ProgressView(
            int step,
            int steps,
            double styleLoss,
            double contentLoss,

            @Schema(description = "Where to GET the picture as it stood at step (JPEG)")
            String previewUrl) {}

    /** The job's path in the API. */
    public static String location(String jobId) {
        return "/v1/jobs/" + jobId;
    }

    public static JobView of(JobRecord record) {
        return new JobView(
                record.id(),
                record.status(),
                record.styleId(),
                record.requestedVersion(),
                record.modelVersion(),
                record.options(),
                record.input(),
                record.outputWidth(),
                record.outputHeight(),
                record.executionProvider(),
                record.attempts(),
                record.error(),
                record.createdAt(),
                record.updatedAt(),
                record.startedAt(),
                record.finishedAt(),
                record.deadline(),
                record.status() == JobStatus.SUCCEEDED ? location(record.id()) + "/result" : null,
                record.timings(),
                record.traceId(),
                record.optimises() ? JobParameters.OPTIMISE : JobParameters.FEEDFORWARD,
                record.optimises()
                        ? new OptimisationView(
                                record.optimisation().styleImage(),
                                record.optimisation().steps(),
                                record.optimisation().maxSide(),
                                record.optimisation().contentWeight())
                        : null,
                record.progress() == null
                        ? null
                        : new ProgressView(
                                record.progress().step(),
                                record.progress().steps(),
                                record.progress().styleLoss(),
                                record.progress().contentLoss(),
                                record.progress().previewKey() == null ? null : location(record.id()) + "/preview"));
    }
}
