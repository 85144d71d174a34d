package dev.atelier.trainer.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossTerms;
import dev.atelier.trainer.loss.PerceptualLoss;
import dev.atelier.trainer.loss.Reconstruction;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a feed-forward style network (Johnson et al.): each step stylises a batch of content crops, measures
 * the perceptual loss against the style image and the crops, and takes an Adam step. Framework-free: the
 * service supplies the content source, listens to steps, and stores checkpoints and the export.
 *
 * <p>The loss network must live on this trainer's device. Not thread-safe; close it to free the network.
 */
public final class StyleTrainer implements AutoCloseable {
    private final TrainingSettings settings;
    private final ContentSource content;
    private final ComputeDevice device;
    private final NDManager manager;
    private final PerceptualLoss loss;
    /** Null when the settings leave the adversarial term off. */
    private final AdversarialTerm adversarial;

    private NDManager netManager;
    private TransformerNet net;
    private AdamOptimizer optimizer;
    private GradientClipper clipper = new GradientClipper();
    private final GuardedStep guard = new GuardedStep();
    private int completed;

    public StyleTrainer(
            TrainingSettings settings,
            LossNetwork lossNetwork,
            BufferedImage style,
            ContentSource content,
            ComputeDevice device) {
        this.settings = settings;
        this.content = content;
        this.device = device;
        this.manager = device.newManager();
        BufferedImage scaled = Resizing.fitMultipleOf4(style, settings.styleSize());
        NDArray styleArray = ImageArrays.toArray(manager, scaled);
        this.loss = new PerceptualLoss(
                lossNetwork,
                settings.weights() != null ? settings.weights() : lossNetwork.defaultWeights(),
                styleArray);
        Engine.getEngine(ComputeDevice.ENGINE).setRandomSeed((int) settings.seed());
        this.netManager = manager.newSubManager();
        this.net = TransformerNet.create(new TransformerNetSpec(settings.baseWidth()), netManager);
        this.optimizer = new AdamOptimizer(settings.learningRate(), netManager);
        // After the network, so that its initial weights do not depend on whether the term is on.
        this.adversarial = settings.adversarial().enabled()
                ? new AdversarialTerm(settings.adversarial(), styleArray, manager, settings.seed())
                : null;
        styleArray.close();
    }

    public TransformerNet network() {
        return net;
    }

    public ComputeDevice device() {
        return device;
    }

    public PerceptualLoss loss() {
        return loss;
    }

    /** The adversarial term, when the settings turn it on. */
    public Optional<AdversarialTerm> adversarial() {
        return Optional.ofNullable(adversarial);
    }

    /** Steps completed so far, including those before a {@link #restore}. */
    public int completedSteps() {
        return completed;
    }

    /**
     * The training loop: runs steps until {@link TrainingSettings#steps()} are done, telling the listener after each
     * (progress, checkpoints, previews: {@link TrainingListener#all}). A listener ends the run early by throwing (a
     * stop request); a {@link DivergedException} from a step ends it too.
     */
    public void run(TrainingListener listener) {
        while (completed < settings.steps()) {
            listener.onStep(step());
        }
    }

    /** One optimisation step on the next content batch. */
    public StepReport step() {
        long start = System.nanoTime();
        ImageBatch batch = content.next(settings.batchSize());
        GuardedStep.Outcome outcome;
        AdversarialTerm.Values adversarialValues;
        try (NDScope scope = new NDScope();
                NDManager stepManager = manager.newSubManager()) {
            NDArray photos =
                    stepManager.create(batch.data(), new Shape(batch.batch(), 3, batch.height(), batch.width()));
            boolean warmingUp = completed < settings.warmUpSteps();
            if (completed == settings.warmUpSteps() && completed > 0) {
                // Adam's moments and the clipper's average describe the pixel loss's gradients, far smaller than the
                // perceptual loss's: kept, they would make the first style steps huge.
                optimizer.close();
                optimizer = new AdamOptimizer(settings.learningRate(), netManager);
                clipper = new GradientClipper();
            }
            optimizer.setLearningRate(settings.schedule().at(completed));
            boolean adversarialStep = adversarial != null && !warmingUp;
            NDArray[] output = new NDArray[1];
            outcome = guard.take(
                    net.parameterArrays(),
                    () -> {
                        output[0] = net.forward(photos);
                        if (warmingUp) {
                            return Reconstruction.of(output[0], photos);
                        }
                        LossTerms terms = loss.compute(output[0], photos);
                        return adversarialStep ? terms.plus(adversarial.generatorLoss(output[0], completed)) : terms;
                    },
                    clipper,
                    optimizer);
            adversarialValues =
                    adversarialStep && outcome.updated() ? adversarial.train(output[0].stopGradient()) : null;
            scope.suppressNotUsedWarning();
        }
        completed++;
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StepReport(
                completed,
                settings.steps(),
                outcome.losses(),
                batch.batch() / seconds,
                outcome.updated(),
                outcome.skippedInARow(),
                outcome.gradientNorm(),
                adversarialValues);
    }

    /** Steps whose update was skipped because the loss or a gradient was not finite (this process only). */
    public int skippedSteps() {
        return guard.skippedTotal();
    }

    /**
     * Writes the network's parameters, Adam's moments, the clipper's state and the step count to a stream
     * ({@link TrainerCheckpoint}'s format).
     */
    public void saveCheckpoint(OutputStream out) throws IOException {
        new TrainerCheckpoint(
                        net.spec().baseWidth(),
                        completed,
                        optimizer.updates(),
                        clipper.average(),
                        clipper.seen(),
                        net.parameterArrays(),
                        optimizer.means(),
                        optimizer.variances(),
                        adversarial == null ? null : adversarial.state())
                .write(out);
    }

    /**
     * Replaces the network and optimizer state with a checkpoint's.
     *
     * @throws IOException if the stream is not a checkpoint of a format {@link TrainerCheckpoint} reads, or its width
     *     differs from the settings
     */
    public void restore(InputStream in) throws IOException {
        NDManager restored = manager.newSubManager();
        try {
            TrainerCheckpoint checkpoint = TrainerCheckpoint.read(in, restored);
            int width = checkpoint.baseWidth();
            if (width != settings.baseWidth()) {
                throw new IOException(
                        "checkpoint is of base width " + width + ", this training uses " + settings.baseWidth());
            }
            TransformerNet restoredNet =
                    TransformerNet.fromWeights(new TransformerNetSpec(width), checkpoint.parameters(), restored);
            AdamOptimizer restoredOptimizer = new AdamOptimizer(settings.learningRate(), restored);
            restoredOptimizer.restore(checkpoint.adamUpdates(), checkpoint.means(), checkpoint.variances());
            GradientClipper restoredClipper = new GradientClipper();
            restoredClipper.restore(checkpoint.clipperAverage(), checkpoint.clipperSeen());
            // A checkpoint without a discriminator (an earlier training's, say) leaves this one's fresh.
            TrainerCheckpoint.Discriminator discriminator = checkpoint.discriminator();
            if (discriminator != null && adversarial != null) {
                adversarial.restore(discriminator);
            } else if (discriminator != null) {
                closeAll(discriminator.parameters(), discriminator.means(), discriminator.variances());
            }
            netManager.close();
            netManager = restored;
            net = restoredNet;
            optimizer = restoredOptimizer;
            clipper = restoredClipper;
            completed = checkpoint.completedSteps();
        } catch (IOException | RuntimeException e) {
            restored.close();
            throw e;
        }
    }

    @SafeVarargs
    private static void closeAll(Map<String, NDArray>... arrays) {
        for (Map<String, NDArray> group : arrays) {
            group.values().forEach(NDArray::close);
        }
    }

    @Override
    public void close() {
        if (adversarial != null) {
            adversarial.close();
        }
        loss.close();
        manager.close();
    }
}
