package dev.atelier.trainer.training;

import dev.atelier.trainer.loss.LossValues;
import java.util.Locale;

/**
 * What one optimisation step did.
 *
 * @param step 1-based number of the step just completed (counting steps before a restore)
 * @param steps the number the training aims for
 * @param losses unweighted style, content and tv losses and the weighted total, of this step's batch
 * @param imagesPerSecond photos processed per second in this step (forward, backward and update)
 */
public record StepReport(int step, int steps, LossValues losses, double imagesPerSecond) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "step %d/%d: %s, %.2f images/s", step, steps, losses, imagesPerSecond);
    }
}
