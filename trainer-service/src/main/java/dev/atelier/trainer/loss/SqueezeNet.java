package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import dev.atelier.trainer.network.NnOps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SqueezeNet 1.1 (Iandola et al.; the torchvision / ONNX model zoo layout), ImageNet-pretrained: a 3x3 stride-2
 * convolution, eight fire modules and 3x3 stride-2 max pools (ceil mode) after conv1, fire3 and fire5.
 * Weights are named as in the zoo's {@code squeezenet1.1-7.onnx} ({@code squeezenet0_conv{0..25}_{weight,bias}}) or
 * as in the derived {@code squeezenet1.1_features.onnx} ({@code conv1}, {@code fire2.sq}, {@code fire2.e1}, ...).
 *
 * <p>Taps: {@code conv1_relu}, {@code fire2} .. {@code fire9} (each fire's concatenated expand ReLUs), and
 * {@code logits} (final 1x1 convolution, ReLU, global average pool).
 */
public final class SqueezeNet implements LossNetwork {
    public static final String NAME = "squeezenet1.1";
    private static final List<String> LAYERS =
            List.of("conv1_relu", "fire2", "fire3", "fire4", "fire5", "fire6", "fire7", "fire8", "fire9", "logits");
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final NDManager manager;
    private final NDArray[] weights = new NDArray[26];
    private final NDArray[] biases = new NDArray[26];
    private final NDArray mean;
    private final NDArray std;
    private final boolean normalise;

    private SqueezeNet(NDManager manager, Map<String, NDArray> arrays, boolean normalise) {
        this.manager = manager;
        this.normalise = normalise;
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < 26; k++) {
            weights[k] =
                    arrays.getOrDefault("squeezenet0_conv" + k + "_weight", arrays.get(featuresName(k) + ".weight"));
            biases[k] = arrays.getOrDefault("squeezenet0_conv" + k + "_bias", arrays.get(featuresName(k) + ".bias"));
            if (weights[k] == null || biases[k] == null) {
                missing.add("squeezenet0_conv" + k + "_{weight,bias}");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "not SqueezeNet 1.1 weights: missing " + missing + "; names found: " + arrays.keySet());
        }
        this.mean = manager.create(MEAN, new Shape(1, 3, 1, 1)).mul(255f);
        this.std = manager.create(STD, new Shape(1, 3, 1, 1)).mul(255f);
    }

    /** The name of convolution k in the derived {@code squeezenet1.1_features.onnx} (paper names). */
    private static String featuresName(int k) {
        if (k == 0) {
            return "conv1";
        }
        if (k == 25) {
            return "conv10";
        }
        return "fire" + ((k - 1) / 3 + 2) + "." + List.of("sq", "e1", "e3").get((k - 1) % 3);
    }

    /**
     * @param arrays the weights by zoo name (or the paper names of {@code squeezenet1.1_features.onnx}); the network keeps them and closes {@code manager} when closed
     * @param normalise whether inputs in 0..255 are ImageNet-normalised first (true for photos; false only to
     *     reproduce the zoo's test vectors, which feed raw values)
     */
    public static SqueezeNet of(NDManager manager, Map<String, NDArray> arrays, boolean normalise) {
        return new SqueezeNet(manager, arrays, normalise);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> layers() {
        return LAYERS;
    }

    @Override
    public Map<String, NDArray> features(NDArray images, Collection<String> taps) {
        LossNetwork.checkTaps(this, taps);
        int deepest = taps.stream().mapToInt(LAYERS::indexOf).max().orElse(-1);
        Map<String, NDArray> out = new LinkedHashMap<>();
        NDArray x = normalise ? images.sub(mean).div(std) : images;
        x = Activation.relu(NnOps.conv(x, weights[0], biases[0], 2));
        keep(out, taps, "conv1_relu", x);
        int layer = 0;
        for (int fire = 2; fire <= 9 && layer < deepest; fire++) {
            if (fire == 2 || fire == 4 || fire == 6) {
                x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), true);
            }
            int k = 3 * (fire - 2) + 1;
            NDArray squeeze = Activation.relu(NnOps.conv(x, weights[k], biases[k], 1));
            NDArray expand1 = Activation.relu(NnOps.conv(squeeze, weights[k + 1], biases[k + 1], 1));
            NDArray expand3 = Activation.relu(NnOps.conv(squeeze, weights[k + 2], biases[k + 2], 1, 1));
            x = NDArrays.concat(new NDList(expand1, expand3), 1);
            layer = fire - 1;
            keep(out, taps, "fire" + fire, x);
        }
        if (deepest == LAYERS.size() - 1) {
            NDArray logits = Activation.relu(NnOps.conv(x, weights[25], biases[25], 1));
            keep(
                    out,
                    taps,
                    "logits",
                    NnOps.spatialMean(logits).reshape(logits.getShape().get(0), -1));
        }
        return out;
    }

    private static void keep(Map<String, NDArray> out, Collection<String> taps, String name, NDArray x) {
        if (taps.contains(name)) {
            out.put(name, x);
        }
    }

    /**
     * Style from the first layers (texture lives there), content from fire5: deep enough that the net may
     * repaint, shallow enough to keep the photo's shapes (CS231n's style transfer uses the same network).
     */
    @Override
    public LossWeights defaultWeights() {
        return new LossWeights(
                Map.of("conv1_relu", 1f, "fire2", 1f, "fire3", 1f, "fire5", 1f, "fire7", 1f), "fire5", 1f, 10f, 1f);
    }

    @Override
    public void close() {
        manager.close();
    }
}
