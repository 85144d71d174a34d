package dev.atelier.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.atelier.trainer.network.NnOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PatchGAN discriminator (Isola et al. 2017), small: three 4x4 stride-2 convolutions with leaky ReLUs and a 3x3
 * one to a map of logits, each judging a 38 px patch of its input as painting (high) or network output (low). No
 * normalisation layers: a patch's score depends on that patch alone. Input NCHW RGB 0..255, as everywhere in the
 * trainer.
 */
public final class PatchDiscriminator {
    /** Side of the input patch each output logit sees. */
    public static final int RECEPTIVE_FIELD = 38;

    private static final float LEAK = 0.2f;
    private static final List<String> CONVS = List.of("conv1", "conv2", "conv3", "conv4");

    private final Map<String, NDArray> parameters;

    private PatchDiscriminator(Map<String, NDArray> parameters) {
        this.parameters = parameters;
        parameters.values().forEach(array -> array.setRequiresGradient(true));
    }

    /**
     * DCGAN's initialisation: weights from N(0, 0.02), zero biases, drawn from the engine's seeded generator.
     *
     * @param manager owns the parameters
     */
    public static PatchDiscriminator create(int width, NDManager manager) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        shapes(width)
                .forEach((name, shape) -> arrays.put(
                        name,
                        name.endsWith(".weight")
                                ? manager.randomNormal(0f, 0.02f, shape, DataType.FLOAT32)
                                : manager.zeros(shape, DataType.FLOAT32)));
        return new PatchDiscriminator(arrays);
    }

    /**
     * A discriminator holding saved arrays (used as they are, not copied).
     *
     * @throws IllegalArgumentException when the arrays are not those of a discriminator of this width
     */
    public static PatchDiscriminator fromWeights(int width, Map<String, NDArray> arrays) {
        Map<String, Shape> expected = shapes(width);
        boolean fits = arrays.keySet().equals(expected.keySet())
                && expected.entrySet().stream()
                        .allMatch(e -> arrays.get(e.getKey()).getShape().equals(e.getValue()));
        if (!fits) {
            throw new IllegalArgumentException("the saved discriminator does not fit one of width " + width + ": "
                    + describe(arrays) + ", expected " + expected);
        }
        return new PatchDiscriminator(new LinkedHashMap<>(arrays));
    }

    private static Map<String, Shape> shapes(int width) {
        long[] channels = {3, width, 2L * width, 4L * width, 1};
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (int i = 0; i < CONVS.size(); i++) {
            int kernel = i < 3 ? 4 : 3;
            shapes.put(CONVS.get(i) + ".weight", new Shape(channels[i + 1], channels[i], kernel, kernel));
            shapes.put(CONVS.get(i) + ".bias", new Shape(channels[i + 1]));
        }
        return shapes;
    }

    private static String describe(Map<String, NDArray> arrays) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        arrays.forEach((name, array) -> shapes.put(name, array.getShape()));
        return shapes.toString();
    }

    /** The first layer's channels. */
    public int width() {
        return (int) parameters.get("conv1.weight").getShape().get(0);
    }

    /** The live parameter arrays by name. */
    public Map<String, NDArray> parameterArrays() {
        return parameters;
    }

    /** Logits [N, 1, H/8, W/8]: above 0 reads as painting. */
    public NDArray forward(NDArray images) {
        NDArray y = images.div(127.5f).sub(1f);
        for (int i = 0; i < CONVS.size(); i++) {
            String conv = CONVS.get(i);
            boolean last = i == CONVS.size() - 1;
            y = NnOps.conv(y, parameters.get(conv + ".weight"), parameters.get(conv + ".bias"), last ? 1 : 2, 1);
            if (!last) {
                y = Activation.leakyRelu(y, LEAK);
            }
        }
        return y;
    }
}
