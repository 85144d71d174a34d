package dev.atelier.trainer.loss;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the perceptual loss measures and how much each part counts.
 *
 * @param styleLayers loss-network layers whose Gram matrices define the style, each with its relative weight
 * @param contentLayer the layer whose activations must stay close to the photo's
 * @param contentWeight weight of the content term (relative squared error of the content features)
 * @param styleWeight weight of the style term (sum over style layers of layer weight times relative squared
 *     error of the Gram matrices)
 * @param tvWeight weight of total variation (mean squared difference of neighbouring pixels, 0..1 scale)
 */
public record LossWeights(
        Map<String, Float> styleLayers, String contentLayer, float contentWeight, float styleWeight, float tvWeight) {
    public LossWeights {
        if (styleLayers.isEmpty()) {
            throw new IllegalArgumentException("at least one style layer is needed");
        }
        if (contentWeight < 0 || styleWeight < 0 || tvWeight < 0) {
            throw new IllegalArgumentException("loss weights must be >= 0: content " + contentWeight + ", style "
                    + styleWeight + ", tv " + tvWeight);
        }
        styleLayers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(styleLayers));
    }

    public LossWeights withWeights(float content, float style, float tv) {
        return new LossWeights(styleLayers, contentLayer, content, style, tv);
    }
}
