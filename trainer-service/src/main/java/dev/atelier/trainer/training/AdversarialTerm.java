package dev.atelier.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The adversarial term of a feed-forward training: a {@link PatchDiscriminator} trained with the hinge loss (real:
 * random crops of the painting, fake: random crops of the network's output), and the generator's share, the hinge
 * generator loss {@code -mean(D(fake))}, which the trainer adds to the perceptual loss with
 * {@link AdversarialSettings#weight}. The discriminator has its own Adam, clipper and guard, and its state travels in
 * the checkpoint ({@link TrainerCheckpoint.Discriminator}).
 *
 * <p>Owns the discriminator's arrays and the painting's (on its manager); not thread-safe.
 */
public final class AdversarialTerm implements AutoCloseable {
    private final AdversarialSettings settings;
    private final NDManager manager;
    private final NDArray painting;
    private final long seed;
    private Random random;
    private NDManager stateManager;
    private PatchDiscriminator discriminator;
    private AdamOptimizer optimizer;
    private GradientClipper clipper = new GradientClipper();
    private final GuardedStep guard = new GuardedStep();

    /**
     * What the discriminator's last step saw.
     *
     * @param generator the generator's unweighted hinge loss, {@code -mean(D(fake))}
     * @param discriminator the discriminator's hinge loss (0 when it tells every patch apart with a margin)
     * @param realScore the mean logit on the painting's crops
     * @param fakeScore the mean logit on the output's crops
     */
    public record Values(float generator, float discriminator, float realScore, float fakeScore) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "adversarial %.4f, discriminator %.4f (painting %.3f, output %.3f)",
                    generator,
                    discriminator,
                    realScore,
                    fakeScore);
        }
    }

    /**
     * @param painting [1, 3, H, W] at the scale the perceptual loss sees it; copied
     * @param manager the trainer's, on its device
     * @param seed with the step number, draws each step's crops (so a restored training continues identically)
     */
    public AdversarialTerm(AdversarialSettings settings, NDArray painting, NDManager manager, long seed) {
        this.settings = settings;
        this.manager = manager.newSubManager();
        this.painting = painting.duplicate();
        this.painting.attach(this.manager);
        this.seed = seed;
        this.random = new Random(seed);
        this.stateManager = this.manager.newSubManager();
        this.discriminator = PatchDiscriminator.create(settings.width(), stateManager);
        this.optimizer = new AdamOptimizer(settings.learningRate(), stateManager);
    }

    public AdversarialSettings settings() {
        return settings;
    }

    public PatchDiscriminator discriminator() {
        return discriminator;
    }

    /**
     * The generator's weighted share of the loss, to add inside its gradient collector: {@code weight *
     * -mean(D(crops of output))}. The discriminator's gradients this leaves are cleared by its own step.
     *
     * @param step the training's step, from 0: it draws the crops of this step
     */
    public NDArray generatorLoss(NDArray output, int step) {
        random = new Random(seed ^ (step * 0x9E3779B97F4A7C15L));
        return discriminator.forward(crops(output)).mean().neg().mul(settings.weight());
    }

    /**
     * One discriminator step: hinge loss {@code mean(relu(1 - D(painting))) + mean(relu(1 + D(output)))}.
     *
     * @param output the network's output of this step, detached from the network's graph
     * @throws DivergedException when its loss or gradients were not finite in too many steps in a row
     */
    public Values train(NDArray output) {
        GuardedStep.zero(discriminator.parameterArrays().values().stream()
                .map(NDArray::getGradient)
                .toList());
        NDArray fake = crops(output);
        NDArray real = paintingCrops(fake.getShape().get(0), fake.getShape().get(2), output.getManager());
        NDArray[] scores = new NDArray[2];
        GuardedStep.Update update = guard.take(
                discriminator.parameterArrays(),
                () -> {
                    scores[0] = discriminator.forward(real);
                    scores[1] = discriminator.forward(fake);
                    return Activation.relu(scores[0].neg().add(1f))
                            .mean()
                            .add(Activation.relu(scores[1].add(1f)).mean());
                },
                () -> "discriminator hinge loss " + scores[0].mean().getFloat() + " / "
                        + scores[1].mean().getFloat(),
                clipper,
                optimizer);
        float fakeScore = scores[1].mean().getFloat();
        return new Values(-fakeScore, update.loss(), scores[0].mean().getFloat(), fakeScore);
    }

    /** Random square crops of the output, one per image, as many pixels across as the settings allow. */
    private NDArray crops(NDArray images) {
        Shape shape = images.getShape();
        long side = side(shape.get(2), shape.get(3));
        NDList crops = new NDList();
        for (long i = 0; i < shape.get(0); i++) {
            crops.add(crop(images, i, side));
        }
        return crops.size() == 1 ? crops.get(0) : NDArrays.concat(crops, 0);
    }

    private NDArray paintingCrops(long count, long side, NDManager scope) {
        NDList crops = new NDList();
        for (long i = 0; i < count; i++) {
            crops.add(crop(painting, 0, side));
        }
        NDArray all = crops.size() == 1 ? crops.get(0) : NDArrays.concat(crops, 0);
        all.attach(scope);
        return all;
    }

    private long side(long height, long width) {
        long paintingSide =
                Math.min(painting.getShape().get(2), painting.getShape().get(3));
        return Math.min(settings.cropSide(), Math.min(paintingSide, Math.min(height, width)));
    }

    private NDArray crop(NDArray images, long index, long side) {
        long top = random.nextLong(images.getShape().get(2) - side + 1);
        long left = random.nextLong(images.getShape().get(3) - side + 1);
        return images.get(new NDIndex("{}:{}, :, {}:{}, {}:{}", index, index + 1, top, top + side, left, left + side));
    }

    /** The discriminator's state, for a checkpoint (the arrays are live, not copies). */
    public TrainerCheckpoint.Discriminator state() {
        return new TrainerCheckpoint.Discriminator(
                settings.width(),
                optimizer.updates(),
                clipper.average(),
                clipper.seen(),
                discriminator.parameterArrays(),
                optimizer.means(),
                optimizer.variances());
    }

    /**
     * Continues from a checkpoint's discriminator, taking its arrays over from whichever manager read them.
     *
     * @throws IllegalArgumentException when it is not a discriminator of these settings' width
     */
    public void restore(TrainerCheckpoint.Discriminator state) {
        if (state.width() != settings.width()) {
            throw new IllegalArgumentException("the checkpoint's discriminator has width " + state.width()
                    + ", this training's " + settings.width());
        }
        PatchDiscriminator restoredDiscriminator = PatchDiscriminator.fromWeights(state.width(), state.parameters());
        NDManager restored = manager.newSubManager();
        for (var arrays : List.of(state.parameters(), state.means(), state.variances())) {
            arrays.values().forEach(array -> array.attach(restored));
        }
        AdamOptimizer restoredOptimizer = new AdamOptimizer(settings.learningRate(), restored);
        restoredOptimizer.restore(state.adamUpdates(), state.means(), state.variances());
        GradientClipper restoredClipper = new GradientClipper();
        restoredClipper.restore(state.clipperAverage(), state.clipperSeen());
        stateManager.close();
        stateManager = restored;
        discriminator = restoredDiscriminator;
        optimizer = restoredOptimizer;
        clipper = restoredClipper;
    }

    @Override
    public void close() {
        manager.close();
    }
}
