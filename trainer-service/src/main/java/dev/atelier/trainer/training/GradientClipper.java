package dev.atelier.trainer.training;

import ai.djl.ndarray.NDArray;
import java.util.Collection;

/**
 * Scales a step's gradients down when their global norm jumps far above its recent average. A sudden large gradient
 * (from one odd batch, for instance) can otherwise give Adam a step several times the usual size in every weight at
 * once. Measured: The Scream at learning rate 0.005 went from style loss 0.63 at step 250 to
 * 18.8 at step 300 and never came back. The average is over clipped norms, so a burst of spikes cannot raise it.
 *
 * <p>Scale-free: the bound is a multiple of this training's own history, not a constant that would fit one loss
 * network and one set of weights. Its state (the average) belongs in a checkpoint. Not thread-safe.
 */
public final class GradientClipper {
    /** A norm above this multiple of the average is scaled down to it. */
    public static final float MAX_RATIO = 4f;
    /** Weight of the history in the average: about the last 20 steps count. */
    static final float DECAY = 0.95f;
    /** Steps seen before clipping starts, so the average is not a single sample. */
    static final int WARM_UP = 10;

    private float average;
    private int seen;
    private int clipped;

    /**
     * As {@link #clip(Collection, float)}, measuring the norm first.
     *
     * @return the factor applied, or NaN when the norm is not finite: then nothing is changed and the step must be
     *     skipped
     */
    public float clip(Collection<NDArray> gradients) {
        float norm = globalNorm(gradients);
        return Float.isFinite(norm) ? clip(gradients, norm) : Float.NaN;
    }

    /**
     * Clips the gradients in place, if needed, and updates the average.
     *
     * @param gradients every parameter's gradient
     * @param norm their {@link #globalNorm}, finite
     * @return the factor the gradients were multiplied by (1 when they were left alone)
     */
    public float clip(Collection<NDArray> gradients, float norm) {
        if (!Float.isFinite(norm)) {
            throw new IllegalArgumentException("a gradient norm of " + norm + " cannot be clipped; skip the step");
        }
        float factor = 1f;
        if (seen >= WARM_UP && norm > MAX_RATIO * average) {
            factor = MAX_RATIO * average / norm;
            for (NDArray gradient : gradients) {
                gradient.muli(factor);
            }
            norm *= factor;
            clipped++;
        }
        average = seen == 0 ? norm : DECAY * average + (1 - DECAY) * norm;
        seen++;
        return factor;
    }

    /**
     * Square root of the sum of every gradient's squared entries; not finite if any entry is not. Summed on the
     * device, so a step reads one number back rather than one per parameter.
     */
    public static float globalNorm(Collection<NDArray> gradients) {
        NDArray sum = null;
        for (NDArray gradient : gradients) {
            NDArray part = gradient.square().sum();
            sum = sum == null ? part : sum.add(part);
        }
        return sum == null ? 0f : (float) Math.sqrt(sum.getFloat());
    }

    /** Steps clipped by this instance (not restored from checkpoints). */
    public int clippedSteps() {
        return clipped;
    }

    public float average() {
        return average;
    }

    public int seen() {
        return seen;
    }

    /** Continues from a checkpoint's state. */
    public void restore(float savedAverage, int savedSeen) {
        this.average = savedAverage;
        this.seen = savedSeen;
    }
}
