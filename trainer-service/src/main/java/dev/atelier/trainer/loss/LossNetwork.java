package dev.atelier.trainer.loss;

import ai.djl.ndarray.NDArray;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A pretrained image classifier used to measure style and content (Gatys et al.; Johnson et al.). Its weights
 * are constants: gradients flow through it to the image, never into it.
 */
public interface LossNetwork extends AutoCloseable {
    /** Short name for reports and settings, e.g. {@code squeezenet1.1}. */
    String name();

    /** Names of the feature maps it can tap, in forward order. */
    List<String> layers();

    /**
     * Feature maps of a batch of images.
     *
     * @param images float NCHW RGB in 0..255 (the network applies its own normalisation)
     * @param taps which layers to return; the forward pass stops after the deepest one
     * @throws IllegalArgumentException naming the unknown layer and the known ones
     */
    Map<String, NDArray> features(NDArray images, Collection<String> taps);

    /** Style and content layers and weights that give good images with this network. */
    LossWeights defaultWeights();

    /** Frees the weights. */
    @Override
    void close();

    /** Checks tap names against {@link #layers()}. */
    static void checkTaps(LossNetwork network, Collection<String> taps) {
        for (String tap : taps) {
            if (!network.layers().contains(tap)) {
                throw new IllegalArgumentException(
                        "unknown layer '" + tap + "' of " + network.name() + ", expected one of " + network.layers());
            }
        }
    }
}
