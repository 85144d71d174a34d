package dev.atelier.trainer.engine;

import java.util.Map;

/**
 * Hears of a training's progress. Methods may throw {@link TrainingStoppedException} (the service is
 * shutting down): the trainer must let it propagate, and the training resumes from its last
 * checkpoint in the next trainer.
 */
public interface ProgressListener {

    /**
     * After each step.
     *
     * @param step steps done, 1 to {@code steps}
     * @param losses the step's loss terms by name, e.g. {@code content}, {@code style}, {@code tv}, {@code total}
     */
    void onStep(int step, Map<String, Double> losses);

    /**
     * A preview rendered at a step: the current network applied to a held-out photo.
     *
     * @param jpeg the image, JPEG-encoded
     */
    void onPreview(int step, byte[] jpeg);
}
