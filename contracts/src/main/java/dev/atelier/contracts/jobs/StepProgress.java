package dev.atelier.contracts.jobs;

/**
 * How far a running optimisation job has come, written to its record every few steps.
 *
 * @param step steps done
 * @param steps steps in all
 * @param styleLoss the weighted style loss of the last step
 * @param contentLoss the weighted content loss of the last step
 * @param previewKey S3 key of the picture as it stood at {@code step} (JPEG), or null before the first
 */
public record StepProgress(int step, int steps, double styleLoss, double contentLoss, String previewKey) {}
