package dev.atelier.trainer.onnx;

import java.util.Arrays;
import java.util.Locale;

/**
 * The figures of one parity check: the same input through the DJL graph and through the exported ONNX model
 * in ONNX Runtime, compared value by value on the 0..255 scale.
 *
 * @param shape the NCHW input shape compared
 * @param maxAbsDiff largest absolute difference of any output value
 * @param meanAbsDiff mean absolute difference
 * @param bound the largest difference allowed
 */
public record ParityReport(long[] shape, float maxAbsDiff, double meanAbsDiff, float bound) {
    public boolean passed() {
        return maxAbsDiff <= bound;
    }

    /** One line for logs and for the FAILED reason of a training. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "ONNX Runtime vs DJL on %s: max abs diff %.5f, mean %.6f, bound %.3f: %s",
                Arrays.toString(shape),
                maxAbsDiff,
                meanAbsDiff,
                bound,
                passed() ? "passed" : "FAILED");
    }
}
