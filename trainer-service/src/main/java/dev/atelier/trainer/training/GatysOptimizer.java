package dev.atelier.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.loss.LossNetwork;
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
     * @param progress told what each step did, in order
     * @return the stylised photo, scaled to at most {@code maxSide}
     * @throws DivergedException when {@link GuardedStep#MAX_SKIPPED_IN_A_ROW} steps in a row were not finite
     */
    public BufferedImage stylise(
            BufferedImage photo, BufferedImage style, NDManager manager, Consumer<GuardedStep.Outcome> progress) {
        try (NDManager work = manager.newSubManager()) {
            NDArray content = ImageArrays.toArray(work, Resizing.fitMultipleOf4(photo, maxSide));
            NDArray styleArray = ImageArrays.toArray(work, Resizing.fitMultipleOf4(style, maxSide));
            try (PerceptualLoss loss = new PerceptualLoss(network, weights, styleArray)) {
                NDArray target = loss.contentFeatures(content);
                NDArray pixels = content.duplicate();
                pixels.setRequiresGradient(true);
                Map<String, NDArray> parameters = Map.of("pixels", pixels);
                AdamOptimizer adam = new AdamOptimizer(learningRate, work);
                GradientClipper clipper = new GradientClipper();
                GuardedStep guard = new GuardedStep();
                for (int i = 0; i < steps; i++) {
                    try (NDScope scope = new NDScope()) {
                        GuardedStep.Outcome outcome =
                                guard.take(parameters, () -> loss.computeAgainst(pixels, target), clipper, adam);
                        progress.accept(outcome);
                        scope.suppressNotUsedWarning();
                    }
                }
                return ImageArrays.fromArray(pixels);
            }
        }
    }
}
