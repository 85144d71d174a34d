package dev.atelier.contracts.training;

import dev.atelier.contracts.jobs.JobError;
import java.time.Instant;
import java.util.Map;

/**
 * The training record stored at {@code trainings/{id}.json}: the single source of truth for a
 * training's status. Written by the gateway (QUEUED) and then only by the trainer running it.
 *
 * @param id time-ordered, unguessable id (a UUIDv7, like job ids)
 * @param tenant who asked for it
 * @param styleId the style the trained model becomes a new version of
 * @param title what people see
 * @param styleImageKey S3 key of the style image
 * @param options what was asked for
 * @param status where the training is in its lifecycle
 * @param device where it runs ({@code cpu}, {@code cuda:0}), once known
 * @param attempts how many times a trainer started (or resumed) it
 * @param crashes how many of those starts ended with the trainer dying mid-training (the next delivery found it still
 *     held: a trainer that stops on purpose hands it back first)
 * @param resumedFromStep the checkpoint step the latest attempt started from (0: from scratch)
 * @param progress the latest progress, once there is some
 * @param modelVersion the published version, once SUCCEEDED
 * @param quality the quality figures published with the model, once SUCCEEDED
 * @param error why it failed, when FAILED
 * @param owner the trainer instance running it, while RUNNING
 * @param heartbeatAt when that trainer last showed it was alive (a stale one may be taken over)
 */
public record TrainingRecord(
        String id,
        String tenant,
        String styleId,
        String title,
        String styleImageKey,
        TrainingOptions options,
        TrainingStatus status,
        String device,
        int attempts,
        int crashes,
        int resumedFromStep,
        ProgressSnapshot progress,
        Integer modelVersion,
        Map<String, Double> quality,
        JobError error,
        String owner,
        Instant heartbeatAt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt) {

    /** A new training as the gateway accepts it. */
    public static TrainingRecord queued(
            String id,
            String tenant,
            String styleId,
            String title,
            String styleImageKey,
            TrainingOptions options,
            Instant now) {
        return new TrainingRecord(
                id,
                tenant,
                styleId,
                title,
                styleImageKey,
                options,
                TrainingStatus.QUEUED,
                null,
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                null,
                null);
    }

    /** A trainer (re)starts it, from a checkpoint at {@code fromStep} or from scratch (0). */
    public TrainingRecord running(String device, String owner, int fromStep, Instant now) {
        return new TrainingRecord(
                id,
                tenant,
                styleId,
                title,
                styleImageKey,
                options,
                TrainingStatus.RUNNING,
                device,
                attempts + 1,
                crashes,
                fromStep,
                progress,
                null,
                null,
                null,
                owner,
                now,
                createdAt,
                now,
                now,
                null);
    }

    /** Its trainer stops on purpose and hands it back (still RUNNING, owned by nobody): the next one resumes it. */
    public TrainingRecord released(Instant now) {
        return new TrainingRecord(
                id,
                tenant,
                styleId,
                title,
                styleImageKey,
                options,
                status,
                device,
                attempts,
                crashes,
                resumedFromStep,
                progress,
                modelVersion,
                quality,
                error,
                null,
                null,
                createdAt,
                now,
                startedAt,
                finishedAt);
    }

    /** Found still held by a trainer that is gone: that start ended in a crash. */
    public TrainingRecord crashed(Instant now) {
        return new TrainingRecord(
                id,
                tenant,
                styleId,
                title,
                styleImageKey,
                options,
                status,
                device,
                attempts,
                crashes + 1,
                resumedFromStep,
                progress,
                modelVersion,
                quality,
                error,
                null,
                null,
                createdAt,
                now,
                startedAt,
                finishedAt);
    }

    /** New progress, which is also the owner's heartbeat. */
    public TrainingRecord progressed(ProgressSnapshot latest, Instant now) {
        return new TrainingRecord(
                id,
                tenant,
                styleId,
                title,
                styleImageKey,
                options,
                status,
                device,
                attempts,
                crashes,
                resumedFromStep,
                latest,
                modelVersion,
                quality,
                error,
                owner,
                now,
                createdAt,
                now,
                startedAt,
                finishedAt);
    }

    public TrainingRecord succeeded(int version, Map<String, Double> figures, Instant now) {
        return new TrainingRecord(
                id,
                tenant,
                styleId,
                title,
                styleImageKey,
                options,
                TrainingStatus.SUCCEEDED,
                device,
                attempts,
                crashes,
                resumedFromStep,
                progress,
                version,
                figures == null ? Map.of() : Map.copyOf(figures),
                null,
                null,
                null,
                createdAt,
                now,
                startedAt,
                now);
    }

    public TrainingRecord failed(JobError why, Instant now) {
        return new TrainingRecord(
                id,
                tenant,
                styleId,
                title,
                styleImageKey,
                options,
                TrainingStatus.FAILED,
                device,
                attempts,
                crashes,
                resumedFromStep,
                progress,
                null,
                null,
                why,
                null,
                null,
                createdAt,
                now,
                startedAt,
                now);
    }
}
