package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import dev.atelier.trainer.network.NnOps;
import dev.atelier.trainer.network.Scalars;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VGG-19 up to relu3_1, "normalised" by Gatys et al., in the encoder layout of Li et al.'s WCT: a 1x1
 * {@code preprocess} convolution (RGB 0..1 to Caffe BGR minus mean), then 3x3 convolutions with reflection
 * padding, 2x2 max pools after relu1_2 and relu2_2. Weights named {@code preprocess.*}, {@code conv1_1.*} ..
 * {@code conv3_1.*} (the shared {@code vgg19_normalised_relu3_1.npz}).
 */
public final class Vgg19Relu31 implements LossNetwork {
    public static final String NAME = "vgg19_normalised_relu3_1";
    private static final List<String> LAYERS = List.of("relu1_1", "relu1_2", "relu2_1", "relu2_2", "relu3_1");

    private final NDManager manager;
    private final Map<String, NDArray> arrays;

    private Vgg19Relu31(NDManager manager, Map<String, NDArray> arrays) {
        List<String> missing = new ArrayList<>();
        for (String conv : List.of("preprocess", "conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1")) {
            for (String part : List.of(".weight", ".bias")) {
                if (!arrays.containsKey(conv + part)) {
                    missing.add(conv + part);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "not VGG-19 relu3_1 weights: missing " + missing + "; names found: " + arrays.keySet());
        }
        this.manager = manager;
        this.arrays = arrays;
    }

    /** @param arrays the weights by name; the network closes {@code manager} when closed */
    public static Vgg19Relu31 of(NDManager manager, Map<String, NDArray> arrays) {
        return new Vgg19Relu31(manager, arrays);
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
        NDArray x = NnOps.conv(
                Scalars.dividedBy(images, 255f), arrays.get("preprocess.weight"), arrays.get("preprocess.bias"), 1);
        for (int i = 0; i <= deepest; i++) {
            String layer = LAYERS.get(i);
            if (layer.equals("relu2_1") || layer.equals("relu3_1")) {
                x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            }
            String conv = "conv" + layer.substring(4);
            x = Activation.relu(
                    NnOps.conv(NnOps.reflectionPad(x, 1), arrays.get(conv + ".weight"), arrays.get(conv + ".bias"), 1));
            if (taps.contains(layer)) {
                out.put(layer, x);
            }
        }
        return out;
    }

    /** Johnson et al.'s choice within reach of relu3_1: content at relu2_2, style at every tap. */
    @Override
    public LossWeights defaultWeights() {
        return new LossWeights(
                Map.of("relu1_1", 1f, "relu1_2", 1f, "relu2_1", 1f, "relu2_2", 1f, "relu3_1", 1f),
                "relu2_2",
                1f,
                10f,
                1f);
    }

    @Override
    public void close() {
        manager.close();
    }
}
