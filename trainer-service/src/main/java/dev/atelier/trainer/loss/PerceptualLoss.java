package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.trainer.network.Scalars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The perceptual loss of Johnson et al. over a {@link LossNetwork}: style as Gram matrices of several layers,
 * content as the activations of one layer, plus total variation. Each feature term is a relative squared error
 * (divided by the squared norm of its target), so the same weights suit networks whose activations have very
 * different magnitudes (SqueezeNet, the normalised VGG).
 *
 * <p>The style image's Gram matrices are computed once, at construction. Not thread-safe.
 */
public final class PerceptualLoss implements AutoCloseable {
    private final LossNetwork network;
    private final LossWeights weights;
    private final NDManager manager;
    private final Map<String, NDArray> styleGrams = new LinkedHashMap<>();
    private final Map<String, Float> styleNorms = new LinkedHashMap<>();
    private final List<String> taps = new ArrayList<>();

    /**
     * @param style the style image, float {@code [1, 3, H, W]} RGB 0..255
     * @throws IllegalArgumentException if a configured layer is not one of the network's
     */
    public PerceptualLoss(LossNetwork network, LossWeights weights, NDArray style) {
        this.network = network;
        this.weights = weights;
        taps.addAll(weights.styleLayers().keySet());
        if (!taps.contains(weights.contentLayer())) {
            taps.add(weights.contentLayer());
        }
        LossNetwork.checkTaps(network, taps);
        this.manager = style.getManager().newSubManager();
        try (NDManager scratch = style.getManager().newSubManager()) {
            NDArray input = style.duplicate();
            input.attach(scratch);
            Map<String, NDArray> features =
                    network.features(input, weights.styleLayers().keySet());
            for (String layer : weights.styleLayers().keySet()) {
                NDArray gram = Gram.of(features.get(layer));
                gram.attach(manager);
                styleGrams.put(layer, gram);
                styleNorms.put(layer, gram.square().sum().getFloat());
            }
        }
    }

    public LossNetwork network() {
        return network;
    }

    public LossWeights weights() {
        return weights;
    }

    /**
     * The loss of stylised images against the photos they came from. Differentiable with respect to
     * {@code stylised} when called inside a gradient collector.
     *
     * @param stylised the transform network's output, {@code [N, 3, H, W]} RGB 0..255
     * @param content the photos, same shape
     */
    public LossTerms compute(NDArray stylised, NDArray content) {
        return computeAgainst(stylised, contentFeatures(content));
    }

    /** The content layer's activations of photos, the target of the content term. */
    public NDArray contentFeatures(NDArray content) {
        return network.features(content, List.of(weights.contentLayer())).get(weights.contentLayer());
    }

    /** As {@link #compute}, with the photos' {@link #contentFeatures} already computed (Gatys: computed once). */
    public LossTerms computeAgainst(NDArray stylised, NDArray contentTarget) {
        Map<String, NDArray> features = network.features(stylised, taps);
        long batch = stylised.getShape().get(0);

        NDArray style = null;
        for (Map.Entry<String, Float> layer : weights.styleLayers().entrySet()) {
            NDArray diff = Gram.of(features.get(layer.getKey())).sub(styleGrams.get(layer.getKey()));
            NDArray term =
                    Scalars.times(diff.square().sum(), layer.getValue() / (styleNorms.get(layer.getKey()) * batch));
            style = style == null ? term : style.add(term);
        }
        NDArray target = contentTarget;
        float contentNorm = target.square().sum().getFloat();
        NDArray content = Scalars.dividedBy(
                features.get(weights.contentLayer()).sub(target).square().sum(), contentNorm);
        NDArray tv = totalVariation(Scalars.dividedBy(stylised, 255f));

        NDArray total = Scalars.times(style, weights.styleWeight())
                .add(Scalars.times(content, weights.contentWeight()))
                .add(Scalars.times(tv, weights.tvWeight()));
        return new LossTerms(style, content, tv, total);
    }

    /** Mean squared difference between vertical and horizontal neighbours. */
    public static NDArray totalVariation(NDArray images) {
        NDArray dy = images.get(":, :, 1:, :").sub(images.get(":, :, :-1, :"));
        NDArray dx = images.get(":, :, :, 1:").sub(images.get(":, :, :, :-1"));
        return dy.square().mean().add(dx.square().mean());
    }

    @Override
    public void close() {
        manager.close();
    }
}
