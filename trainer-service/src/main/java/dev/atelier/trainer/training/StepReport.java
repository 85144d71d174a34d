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
 * @param updated whether the weights were updated; false when the loss or a gradient was not finite and the
 *     step was skipped, as a mixed-precision gradient scaler skips an overflowing step
 * @param skippedInARow steps skipped one after another up to this one (0 after an update)
 * @param gradientNorm the global norm of the gradients before clipping; not finite when a gradient was not
 * @param adversarial what the adversarial term's discriminator step saw; null when the term is off, in the warm-up
 *     and in skipped steps
 */
public record StepReport(
        int step,
        int steps,
        LossValues losses,
        double imagesPerSecond,
        boolean updated,
        int skippedInARow,
        float gradientNorm,
        AdversarialTerm.Values adversarial) {
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "step %d/%d: %s%s, %.2f images/s%s",
                step,
                steps,
                losses,
                adversarial == null ? "" : ", " + adversarial,
                imagesPerSecond,
                updated ? "" : ", skipped (not finite, " + skippedInARow + " in a row)");
    }
}
