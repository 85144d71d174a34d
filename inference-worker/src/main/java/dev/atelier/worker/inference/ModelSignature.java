package dev.atelier.worker.inference;

import dev.atelier.contracts.models.ModelManifest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks, when a model loads, that the graph is what its manifest promises: the named input and
 * output exist, both are NCHW with 3 channels, and every size the graph fixes matches the manifest.
 */
public final class ModelSignature {
    private ModelSignature() {}

    /**
     * @param inputs the graph's input shapes by name (-1 for dynamic dimensions)
     * @param outputs the graph's output shapes by name
     * @throws InvalidModelException naming what was expected and what was found
     */
    public static void check(ModelManifest manifest, Map<String, long[]> inputs, Map<String, long[]> outputs) {
        long[] input = tensor("input", manifest.inputName(), inputs);
        long[] output = tensor("output", manifest.outputName(), outputs);
        List<Long> declared = manifest.inputShape();
        for (int i = 0; i < 4; i++) {
            long graph = input[i];
            long promised = declared.size() == 4 ? declared.get(i) : -1;
            if (graph > 0 && (i == 1 ? graph != 3 : i >= 2 && promised != graph)) {
                throw new InvalidModelException("input '" + manifest.inputName() + "' shape: expected " + declared
                        + " (NCHW, 3 channels), got " + Arrays.toString(input));
            }
        }
        if (output[1] > 0 && output[1] != 3) {
            throw new InvalidModelException(
                    "output '" + manifest.outputName() + "': expected 3 channels, got " + Arrays.toString(output));
        }
    }

    private static long[] tensor(String role, String name, Map<String, long[]> tensors) {
        long[] shape = tensors.get(name);
        if (shape == null) {
            throw new InvalidModelException("model " + role + ": expected '" + name + "', got " + tensors.keySet());
        }
        if (shape.length != 4) {
            throw new InvalidModelException(
                    role + " '" + name + "': expected rank 4 (NCHW), got " + Arrays.toString(shape));
        }
        return shape;
    }
}
