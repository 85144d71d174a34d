package dev.atelier.gateway.api;

import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.training.ProgressSnapshot;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.contracts.training.TrainingStatus;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training as clients see it: the record without storage keys and owner, plus URLs. */
@Schema(name = "Training")
public record TrainingView(
        String id,
        TrainingStatus status,

        @Schema(description = "The style the trained model becomes a new version of")
        String styleId,

        String title,
        TrainingOptions options,

        @Schema(description = "Where it trains (cpu, cuda:0), once started")
        String device,

        @Schema(description = "How many times a trainer started or resumed it")
        int attempts,

        @Schema(
                description = "How many of those starts ended with the trainer dying mid-training; at "
                        + "atelier.trainer.max-crashes the training fails as trainer.crashed")
        int crashes,

        @Schema(description = "The checkpoint step the latest attempt resumed from, 0 when from scratch")
        int resumedFromStep,

        @Schema(description = "Steps done so far, of totalSteps")
        Integer step,

        Integer totalSteps,

        @Schema(description = "The latest loss terms by name")
        Map<String, Double> losses,

        Double imagesPerSecond,

        @Schema(description = "Estimated seconds to the last step")
        Long etaSeconds,

        @Schema(description = "Where to GET the latest preview image, once there is one")
        String previewUrl,

        @Schema(description = "The published model version, once SUCCEEDED (run jobs with style=id@version)")
        Integer modelVersion,

        @Schema(description = "Quality figures published with the model")
        Map<String, Double> quality,

        JobError error,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt) {

    static String location(String id) {
        return "/v1/trainings/" + id;
    }

    static TrainingView of(TrainingRecord record) {
        ProgressSnapshot progress = record.progress();
        return new TrainingView(
                record.id(),
                record.status(),
                record.styleId(),
                record.title(),
                record.options(),
                record.device(),
                record.attempts(),
                record.crashes(),
                record.resumedFromStep(),
                progress == null ? null : progress.step(),
                record.options().steps(),
                progress == null ? null : progress.losses(),
                progress == null ? null : progress.imagesPerSecond(),
                progress == null ? null : progress.etaSeconds(),
                progress == null || progress.previewKey() == null ? null : location(record.id()) + "/preview",
                record.modelVersion(),
                record.quality(),
                record.error(),
                record.createdAt(),
                record.updatedAt(),
                record.startedAt(),
                record.finishedAt());
    }
}
