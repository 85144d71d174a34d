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
            ParameterUpdate optimizer) {
        LossTerms[] terms = new LossTerms[1];
        Update update = take(
                parameters,
                () -> {
                    terms[0] = loss.get();
                    return terms[0].total();
                },
                () -> terms[0].values().toString(),
                clipper,
                optimizer);
        return new Outcome(terms[0].values(), update.gradientNorm(), update.updated(), update.skippedInARow());
    }

    /**
     * What one step on a single scalar did.
     *
     * @param loss the loss's value
     * @param gradientNorm the global norm of the gradients before clipping
     */
    public record Update(float loss, float gradientNorm, boolean updated, int skippedInARow) {}

    /**
     * The same step for any scalar loss (the adversarial discriminator's, say).
     *
     * @param loss computes the scalar to minimise; called once, inside the gradient collector
     * @param describe says what the loss was, for the divergence message
     * @throws DivergedException when this step is the {@link #MAX_SKIPPED_IN_A_ROW}th skipped in a row
     */
    public Update take(
            Map<String, NDArray> parameters,
            Supplier<NDArray> loss,
            Supplier<String> describe,
            GradientClipper clipper,
            ParameterUpdate optimizer) {
        float value;
        try (GradientCollector collector =
                Engine.getEngine(ComputeDevice.ENGINE).newGradientCollector()) {
            NDArray total = loss.get();
            collector.backward(total);
            value = total.getFloat();
        }
        List<NDArray> gradients =
                parameters.values().stream().map(NDArray::getGradient).toList();
        float norm = GradientClipper.globalNorm(gradients);
        boolean sound = Float.isFinite(value) && Float.isFinite(norm);
        if (sound) {
            clipper.clip(gradients, norm);
            optimizer.update(parameters);
            skippedInARow = 0;
        } else {
            zero(gradients);
            skippedInARow++;
            skippedTotal++;
            if (skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
                throw new DivergedException("the loss or its gradients were not finite in " + skippedInARow
                        + " steps in a row (last: " + describe.get() + ")");
            }
        }
        return new Update(value, norm, sound, skippedInARow);
    }

    /** Overwritten, not subtracted from themselves: NaN - NaN is NaN. */
    static void zero(List<NDArray> gradients) {
        for (NDArray gradient : gradients) {
            gradient.set(new NDIndex("..."), 0f);
        }
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
