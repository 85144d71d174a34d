package dev.atelier.trainer.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import dev.atelier.trainer.network.TransformerNet;
import java.awt.image.BufferedImage;

/**
 * Gates every export: runs a held-out photo through the trained DJL graph and through the exported model in
 * ONNX Runtime and reports how far apart they are. A training must not publish an export whose report has not
 * {@linkplain ParityReport#passed() passed}; the report's {@link ParityReport#describe()} is the reason to record.
 */
public final class ParityGate {
    /** Largest tolerated difference on the 0..255 scale: far below one grey level. */
    public static final float DEFAULT_BOUND = 0.05f;
    /** Photos are compared at this longest side, enough to exercise every layer at a realistic size. */
    public static final int DEFAULT_MAX_SIDE = 320;

    private final float bound;
    private final int maxSide;

    public ParityGate() {
        this(DEFAULT_BOUND, DEFAULT_MAX_SIDE);
    }

    public ParityGate(float bound, int maxSide) {
        this.bound = bound;
        this.maxSide = maxSide;
    }

    /** @throws OrtException if ONNX Runtime cannot load or run the export (that too must fail the training) */
    public ParityReport check(TransformerNet net, byte[] onnx, BufferedImage holdOut) throws OrtException {
        BufferedImage image = Resizing.fitMultipleOf4(holdOut, maxSide);
        float[] input = TensorImages.toTensor(image).data();
        long[] shape = {1, 3, image.getHeight(), image.getWidth()};
        float[] expected = runDjl(net, input, shape);
        float[] actual;
        try (OnnxRunner runner = new OnnxRunner(onnx, OnnxExporter.INPUT, OnnxExporter.OUTPUT)) {
            actual = runner.run(input, shape);
        }
        return compare(shape, expected, actual, bound);
    }

    /** The network's output for one input, computed on the network's device without gradients. */
    public static float[] runDjl(TransformerNet net, float[] input, long[] shape) {
        NDArray any = net.parameterArrays().values().iterator().next();
        try (NDManager manager = any.getManager().newSubManager()) {
            NDArray x = manager.create(input, new Shape(shape));
            return net.forward(x).toFloatArray();
        }
    }

    /** Compares two outputs; outputs of different sizes fail with an infinite difference. */
    public static ParityReport compare(long[] shape, float[] expected, float[] actual, float bound) {
        if (expected.length != actual.length) {
            return new ParityReport(shape, Float.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, bound);
        }
        float max = 0f;
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            float d = Math.abs(expected[i] - actual[i]);
            if (!(d <= max)) {
                max = Float.isNaN(d) ? Float.POSITIVE_INFINITY : d;
            }
            sum += d;
        }
        return new ParityReport(shape, max, sum / expected.length, bound);
    }
}
