package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;

/**
 * The parts of a perceptual loss as scalar arrays; {@code style}, {@code content} and {@code tv} are unweighted,
 * {@code total} is their weighted sum (what is minimised).
 */
public record LossTerms(NDArray style, NDArray content, NDArray tv, NDArray total) {
    public LossValues values() {
        return new LossValues(style.getFloat(), content.getFloat(), tv.getFloat(), total.getFloat());
    }
}
