package dev.atelier.contracts.training;

import java.time.Instant;
import java.util.Map;

/**
 * Where a training stands, as last reported: kept in the training record and sent in
 * {@code TrainingProgress} events.
 *
 * @param step optimisation steps done
 * @param totalSteps steps asked for
 * @param losses the latest loss terms by name ({@code content}, {@code style}, {@code tv}, {@code total} ...)
 * @param imagesPerSecond content crops processed per second, over the recent steps
 * @param etaSeconds estimated seconds to the last step, at the current speed
 * @param previewKey S3 key of the latest preview image, or null before the first
 * @param at when this was measured
 */
public record ProgressSnapshot(
        int step,
        int totalSteps,
        Map<String, Double> losses,
        Double imagesPerSecond,
        Long etaSeconds,
        String previewKey,
        Instant at) {

    public ProgressSnapshot {
        losses = losses == null ? Map.of() : Map.copyOf(losses);
    }
}
