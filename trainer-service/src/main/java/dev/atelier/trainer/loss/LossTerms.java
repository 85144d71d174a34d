package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;

/**
 * The parts of a perceptual loss as scalar arrays; {@code style}, {@code content} and {@code tv} are unweighted,
 * {@code total} is their weighted sum (what is minimised).
 */
public record LossTerms(NDArray style, NDArray content, NDArray tv, NDArray total) {
    /** These terms with {@code extra} (a scalar, already weighted) added to the total. */
    public LossTerms plus(NDArray extra) {
        return new LossTerms(style, content, tv, total.add(extra));
    }

    public LossValues values() {
        return new LossValues(style.getFloat(), content.getFloat(), tv.getFloat(), total.getFloat());
    }
}
