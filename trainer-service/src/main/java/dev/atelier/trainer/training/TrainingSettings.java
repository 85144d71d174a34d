package dev.atelier.trainer.training;

import dev.atelier.trainer.loss.LossWeights;

/**
 * How to train one style.
 *
 * @param baseWidth transform network width (32 upstream; 16 makes models under 2 MB)
 * @param steps optimisation steps to run
 * @param batchSize photos per step
 * @param learningRate Adam's step size
 * @param styleSize longest side the style image is scaled to before its Grams are taken
 * @param weights loss layers and weights; null means the loss network's defaults
 * @param seed seeds the network's initial weights
 * @param warmUpSteps the first steps, which train the network to give the photo back (pixel error only) before the
 *     perceptual loss takes over with a fresh optimizer; 0 for none (part of {@code steps})
 * @param decayFrom the fraction of the steps after which the learning rate anneals ({@link LearningRateSchedule}); 1
 *     for a constant learning rate
 * @param adversarial the adversarial term's settings; {@link AdversarialSettings#OFF} for none
 */
public record TrainingSettings(
        int baseWidth,
        int steps,
        int batchSize,
        float learningRate,
        int styleSize,
        LossWeights weights,
        long seed,
        int warmUpSteps,
        float decayFrom,
        AdversarialSettings adversarial) {
    public static final int DEFAULT_WIDTH = 32;
    public static final int DEFAULT_BATCH = 4;
    /**
     * Higher than the 1e-3 of long GPU runs: on CPU a training gets about 1000 steps of 2 crops, and at 1e-3 the
     * style loss stalls after about 100 of them (measured with udnie: 2.2 at step 100 and at step 800;
     * trainer-service/README.md).
     */
    public static final float DEFAULT_LEARNING_RATE = 5e-3f;

    public static final int DEFAULT_STYLE_SIZE = 256;

    public TrainingSettings {
        if (steps < 0 || batchSize < 1 || !(learningRate > 0) || styleSize < 16 || warmUpSteps < 0) {
            throw new IllegalArgumentException(
                    "invalid training settings: steps " + steps + ", batch " + batchSize + ", learning rate "
                            + learningRate + ", style size " + styleSize + ", warm-up steps " + warmUpSteps);
        }
        new LearningRateSchedule(learningRate, steps, decayFrom); // validates the schedule's part
        if (adversarial == null) {
            adversarial = AdversarialSettings.OFF;
        }
    }

    /** Without a warm-up, at a constant learning rate. */
    public TrainingSettings(
            int baseWidth,
            int steps,
            int batchSize,
            float learningRate,
            int styleSize,
            LossWeights weights,
            long seed) {
        this(baseWidth, steps, batchSize, learningRate, styleSize, weights, seed, 0, 1f, null);
    }

    /** The learning rate of each step. */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(learningRate, steps, decayFrom);
    }

    public static TrainingSettings defaults(int steps) {
        return new TrainingSettings(
                DEFAULT_WIDTH, steps, DEFAULT_BATCH, DEFAULT_LEARNING_RATE, DEFAULT_STYLE_SIZE, null, 0L);
    }
}
