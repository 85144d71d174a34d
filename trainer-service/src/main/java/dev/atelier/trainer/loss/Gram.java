package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.atelier.trainer.network.Scalars;

/** Gram matrices of feature maps, normalised by the map size as in Johnson et al. (and pytorch/examples). */
public final class Gram {
    private Gram() {}

    /** {@code [N, C, H, W]} features to {@code [N, C, C]} Grams {@code F F^T / (C H W)}. */
    public static NDArray of(NDArray features) {
        Shape s = features.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long hw = s.get(2) * s.get(3);
        NDArray f = features.reshape(n, c, hw);
        return Scalars.dividedBy(f.batchMatMul(f.transpose(0, 2, 1)), (float) (c * hw));
    }
}
