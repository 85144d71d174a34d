package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.atelier.trainer.network.Scalars;

/**
 * The loss of a network that should give its input back: mean squared pixel error on the 0..1 scale. Trains a
 * transform network towards the identity before the style term (a warm-up), which costs no loss network.
 */
public final class Reconstruction {
    private Reconstruction() {}

    /** As loss terms: the pixel error as {@code content} and {@code total}, zero style and total variation. */
    public static LossTerms of(NDArray output, NDArray photos) {
        NDArray error = Scalars.dividedBy(output.sub(photos).square().mean(), 255f * 255f);
        NDArray zero = output.getManager().zeros(new Shape());
        return new LossTerms(zero, error, zero, error);
    }
}
