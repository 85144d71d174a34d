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
import java.util.function.Supplier;

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
    private final double styleScale;
    private final Method method;

    /** How the pixels are moved. */
    public enum Method {
        /** Adam at the given learning rate (pixel steps on the 0..255 scale). */
        ADAM,
        /** L-BFGS ({@link LbfgsOptimizer}) at step size 1, as Gatys et al.; the learning rate is not used. */
        LBFGS
    }

    /** Told after each step, in order. */
    @FunctionalInterface
    public interface StepListener {
        /**
         * May throw to stop the optimisation there; the arrays are freed either way.
         *
         * @param step steps done, from 1
         * @param picture renders the pixels as they stand, on demand (a copy)
         */
        void stepped(int step, GuardedStep.Outcome outcome, Supplier<BufferedImage> picture);
    }

    /** With the painting at the result's size. */
    public GatysOptimizer(LossNetwork network, LossWeights weights, int steps, float learningRate, int maxSide) {
        this(network, weights, steps, learningRate, maxSide, 1.0);
    }

    /**
     * @param styleScale the painting enters the loss with its longest side {@code styleScale} times the result's:
     *     its strokes, and so the result's, come out that much larger
     */
    public GatysOptimizer(
            LossNetwork network, LossWeights weights, int steps, float learningRate, int maxSide, double styleScale) {
        this(network, weights, steps, learningRate, maxSide, styleScale, Method.ADAM);
    }

    /** @param method Adam or L-BFGS */
    public GatysOptimizer(
            LossNetwork network,
            LossWeights weights,
            int steps,
            float learningRate,
            int maxSide,
            double styleScale,
            Method method) {
        if (!(styleScale > 0)) {
            throw new IllegalArgumentException("styleScale must be positive, was " + styleScale);
        }
        this.network = network;
        this.weights = weights;
        this.steps = steps;
        this.learningRate = learningRate;
        this.maxSide = maxSide;
        this.styleScale = styleScale;
        this.method = method;
    }

    /**
     * @param manager a manager on the loss network's device
     * @param listener told what each step did, in order
     * @return the stylised photo, scaled to at most {@code maxSide}
     * @throws DivergedException when {@link GuardedStep#MAX_SKIPPED_IN_A_ROW} steps in a row were not finite
     */
    public BufferedImage stylise(BufferedImage photo, BufferedImage style, NDManager manager, StepListener listener) {
        return stylise(photo, style, null, manager, listener);
    }

    /**
     * As {@link #stylise(BufferedImage, BufferedImage, NDManager, StepListener)}, the pixels starting from {@code start}
     * (brought to the photo's size) instead of the photo: the coarse pass of a multi-scale optimisation, say.
     *
     * @param start the first picture, or null for the photo
     */
    public BufferedImage stylise(
            BufferedImage photo, BufferedImage style, BufferedImage start, NDManager manager, StepListener listener) {
        try (NDManager work = manager.newSubManager()) {
            BufferedImage sized = Resizing.fitMultipleOf4(photo, maxSide);
            NDArray content = ImageArrays.toArray(work, sized);
            int styleSide = (int) Math.round(
                    Math.max(content.getShape().get(2), content.getShape().get(3)) * styleScale);
            NDArray styleArray = ImageArrays.toArray(work, atSide(style, styleSide));
            try (PerceptualLoss loss = new PerceptualLoss(network, weights, styleArray)) {
                NDArray target = loss.contentFeatures(content);
                NDArray pixels = start == null
                        ? content.duplicate()
                        : ImageArrays.toArray(work, Resizing.resize(start, sized.getWidth(), sized.getHeight()));
                pixels.setRequiresGradient(true);
                Map<String, NDArray> parameters = Map.of("pixels", pixels);
                ParameterUpdate update = method == Method.LBFGS
                        ? new LbfgsOptimizer(1f, LbfgsOptimizer.DEFAULT_HISTORY, work)
                        : new AdamOptimizer(learningRate, work);
                GradientClipper clipper = new GradientClipper();
                GuardedStep guard = new GuardedStep();
                for (int i = 1; i <= steps; i++) {
                    try (NDScope scope = new NDScope()) {
                        GuardedStep.Outcome outcome =
                                guard.take(parameters, () -> loss.computeAgainst(pixels, target), clipper, update);
                        listener.stepped(i, outcome, () -> ImageArrays.fromArray(pixels));
                        scope.suppressNotUsedWarning();
                    }
                }
                return ImageArrays.fromArray(pixels);
            }
        }
    }

    /** The painting with its longer side {@code side}, enlarged too if need be: its stroke size is the point. */
    private static BufferedImage atSide(BufferedImage painting, int side) {
        double scale = (double) side / Math.max(painting.getWidth(), painting.getHeight());
        int width = Math.max(4, (int) Math.round(painting.getWidth() * scale) / 4 * 4);
        int height = Math.max(4, (int) Math.round(painting.getHeight() * scale) / 4 * 4);
        return Resizing.resize(painting, width, height);
    }
}
