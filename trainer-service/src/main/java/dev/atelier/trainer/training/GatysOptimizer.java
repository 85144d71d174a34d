package dev.atelier.trainer.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossTerms;
import dev.atelier.trainer.loss.LossValues;
import dev.atelier.trainer.loss.LossWeights;
import dev.atelier.trainer.loss.PerceptualLoss;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gatys et al.'s optimisation of one image: starting from the photo, Adam moves the pixels themselves to lower
 * the same perceptual loss the feed-forward trainer uses. Slow per image, no training needed.
 */
public final class GatysOptimizer {
    /** Pixel step size on the 0..255 scale. */
    public static final float DEFAULT_LEARNING_RATE = 2f;

    private final LossNetwork network;
    private final LossWeights weights;
    private final int steps;
    private final float learningRate;
    private final int maxSide;

    public GatysOptimizer(LossNetwork network, LossWeights weights, int steps, float learningRate, int maxSide) {
        this.network = network;
        this.weights = weights;
        this.steps = steps;
        this.learningRate = learningRate;
        this.maxSide = maxSide;
    }

    /**
     * @param manager a manager on the loss network's device
     * @param progress told the losses after each step (step number is the index + 1)
     * @return the stylised photo, scaled to at most {@code maxSide}
     */
    public BufferedImage stylise(BufferedImage photo, BufferedImage style, NDManager manager, Consumer<LossValues> progress) {
        try (NDManager work = manager.newSubManager()) {
            NDArray content = ImageArrays.toArray(work, ImageArrays.fitMultipleOf4(photo, maxSide));
            NDArray styleArray = ImageArrays.toArray(work, ImageArrays.fitMultipleOf4(style, maxSide));
            try (PerceptualLoss loss = new PerceptualLoss(network, weights, styleArray)) {
                NDArray target = loss.contentFeatures(content);
                NDArray pixels = content.duplicate();
                pixels.setRequiresGradient(true);
                AdamOptimizer adam = new AdamOptimizer(learningRate, work);
                Map<String, NDArray> parameters = Map.of("pixels", pixels);
                for (int i = 0; i < steps; i++) {
                    try (NDScope scope = new NDScope()) {
                        LossValues values;
                        try (GradientCollector collector = Engine.getEngine(ComputeDevice.ENGINE).newGradientCollector()) {
                            LossTerms terms = loss.computeAgainst(pixels, target);
                            collector.backward(terms.total());
                            values = terms.values();
                        }
                        adam.update(parameters);
                        progress.accept(values);
                        scope.suppressNotUsedWarning();
                    }
                }
                return ImageArrays.fromArray(pixels);
            }
        }
    }
}
