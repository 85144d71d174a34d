package dev.atelier.trainer.training;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** An optimiser's step: moves the arrays along their gradients (left by a backward pass), then zeroes the gradients. */
public interface ParameterUpdate {
    void update(Map<String, NDArray> parameters);
}
