package dev.atelier.trainer.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.atelier.trainer.loss.LossTerms;
import dev.atelier.trainer.loss.LossValues;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one optimisation step of the feed-forward trainer and of Gatys: forward and backward inside a gradient
 * collector, then an Adam update only when the loss and the global gradient norm are finite (a spike clipped to the
 * clipper's bound first). Otherwise every gradient is overwritten with zeros and the parameters stay as they were:
 * one NaN update would turn every weight into NaN.
 *
 * <p>Counts skipped steps; {@link #MAX_SKIPPED_IN_A_ROW} in a row mean the run diverged. Not thread-safe.
 */
public final class GuardedStep {
    /** Skipped steps in a row after which a run is failed as diverged. */
    public static final int MAX_SKIPPED_IN_A_ROW = 5;

    private int skippedInARow;
    private int skippedTotal;

    /**
     * What one step did.
     *
     * @param gradientNorm the global norm of the gradients before clipping; not finite when a gradient was not
     * @param updated whether the parameters were updated
     */
    public record Outcome(LossValues losses, float gradientNorm, boolean updated, int skippedInARow) {}

    /**
     * @param parameters the arrays to optimise, each with a gradient attached
     * @param loss computes the loss terms from the parameters; called once, inside the gradient collector
     * @throws DivergedException when this step is the {@link #MAX_SKIPPED_IN_A_ROW}th skipped in a row
     */
    public Outcome take(
            Map<String, NDArray> parameters,
            Supplier<LossTerms> loss,
            GradientClipper clipper,
            AdamOptimizer optimizer) {
        LossValues values;
        try (GradientCollector collector =
                Engine.getEngine(ComputeDevice.ENGINE).newGradientCollector()) {
            LossTerms terms = loss.get();
            collector.backward(terms.total());
            values = terms.values();
        }
        List<NDArray> gradients =
                parameters.values().stream().map(NDArray::getGradient).toList();
        float norm = GradientClipper.globalNorm(gradients);
        boolean sound = Float.isFinite(values.total()) && Float.isFinite(norm);
        if (sound) {
            clipper.clip(gradients, norm);
            optimizer.update(parameters);
            skippedInARow = 0;
        } else {
            for (NDArray gradient : gradients) {
                // Overwritten, not subtracted from itself: NaN - NaN is NaN.
                gradient.set(new NDIndex("..."), 0f);
            }
            skippedInARow++;
            skippedTotal++;
            if (skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
                throw new DivergedException("the loss or its gradients were not finite in " + skippedInARow
                        + " steps in a row (last: " + values + ")");
            }
        }
        return new Outcome(values, norm, sound, skippedInARow);
    }

    /** Steps skipped since the last update. */
    public int skippedInARow() {
        return skippedInARow;
    }

    /** Steps skipped by this instance (not restored from checkpoints). */
    public int skippedTotal() {
        return skippedTotal;
    }
}
