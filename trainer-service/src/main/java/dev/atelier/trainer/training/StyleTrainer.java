package dev.atelier.trainer.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.PerceptualLoss;
import dev.atelier.trainer.loss.Reconstruction;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Trains a feed-forward style network (Johnson et al.): each step stylises a batch of content crops, measures
 * the perceptual loss against the style image and the crops, and takes an Adam step. Framework-free: the
 * service supplies the content source, listens to steps, and stores checkpoints and the export.
 *
 * <p>The loss network must live on this trainer's device. Not thread-safe; close it to free the network.
 */
public final class StyleTrainer implements AutoCloseable {
    private static final String CHECKPOINT_MAGIC = "atelier-style-trainer-checkpoint";
    /** 2 adds the gradient clipper's state; format 1 checkpoints still load (the clipper then starts afresh). */
    private static final int CHECKPOINT_FORMAT = 2;

    private final TrainingSettings settings;
    private final ContentSource content;
    private final ComputeDevice device;
    private final NDManager manager;
    private final PerceptualLoss loss;
    private NDManager netManager;
    private TransformerNet net;
    private AdamOptimizer optimizer;
    private GradientClipper clipper = new GradientClipper();
    private final GuardedStep guard = new GuardedStep();
    private int completed;

    public StyleTrainer(TrainingSettings settings, LossNetwork lossNetwork, BufferedImage style, ContentSource content,
            ComputeDevice device) {
        this.settings = settings;
        this.content = content;
        this.device = device;
        this.manager = device.newManager();
        BufferedImage scaled = Resizing.fitMultipleOf4(style, settings.styleSize());
        NDArray styleArray = ImageArrays.toArray(manager, scaled);
        this.loss = new PerceptualLoss(lossNetwork,
                settings.weights() != null ? settings.weights() : lossNetwork.defaultWeights(), styleArray);
        styleArray.close();
        Engine.getEngine(ComputeDevice.ENGINE).setRandomSeed((int) settings.seed());
        this.netManager = manager.newSubManager();
        this.net = TransformerNet.create(new TransformerNetSpec(settings.baseWidth()), netManager);
        this.optimizer = new AdamOptimizer(settings.learningRate(), netManager);
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

    /** Steps completed so far, including those before a {@link #restore}. */
    public int completedSteps() {
        return completed;
    }

    /**
     * Runs steps until {@link TrainingSettings#steps()} are done or {@code cancelled} says stop (checked before
     * each step), telling the listener after each.
     */
    public void run(TrainingListener listener, BooleanSupplier cancelled) {
        while (completed < settings.steps() && !cancelled.getAsBoolean()) {
            listener.onStep(step());
        }
    }

    /** One optimisation step on the next content batch. */
    public StepReport step() {
        long start = System.nanoTime();
        ImageBatch batch = content.next(settings.batchSize());
        GuardedStep.Outcome outcome;
        try (NDScope scope = new NDScope(); NDManager stepManager = manager.newSubManager()) {
            NDArray photos = stepManager.create(batch.data(), new Shape(batch.batch(), 3, batch.height(), batch.width()));
            boolean warmingUp = completed < settings.warmUpSteps();
            if (completed == settings.warmUpSteps() && completed > 0) {
                // Adam's moments and the clipper's average describe the pixel loss's gradients, far smaller than the
                // perceptual loss's: kept, they would make the first style steps huge.
                optimizer.close();
                optimizer = new AdamOptimizer(settings.learningRate(), netManager);
                clipper = new GradientClipper();
            }
            optimizer.setLearningRate(settings.schedule().at(completed));
            outcome = guard.take(net.parameterArrays(), () -> warmingUp ? Reconstruction.of(net.forward(photos), photos)
                    : loss.compute(net.forward(photos), photos), clipper, optimizer);
            scope.suppressNotUsedWarning();
        }
        completed++;
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StepReport(completed, settings.steps(), outcome.losses(), batch.batch() / seconds, outcome.updated(),
                outcome.skippedInARow(), outcome.gradientNorm());
    }

    /** Steps whose update was skipped because the loss or a gradient was not finite (this process only). */
    public int skippedSteps() {
        return guard.skippedTotal();
    }

    /**
     * Writes the network's parameters, Adam's moments and the step count to a stream (for object storage).
     * Content-source position is not part of it: a restored training draws new crops.
     */
    public void saveCheckpoint(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(CHECKPOINT_MAGIC);
        data.writeInt(CHECKPOINT_FORMAT);
        data.writeInt(net.spec().baseWidth());
        data.writeInt(completed);
        data.writeInt(optimizer.updates());
        data.writeFloat(clipper.average());
        data.writeInt(clipper.seen());
        NDList arrays = new NDList();
        net.parameterArrays().forEach((name, array) -> arrays.add(named("param/" + name, array)));
        optimizer.means().forEach((name, array) -> arrays.add(named("adam.m/" + name, array)));
        optimizer.variances().forEach((name, array) -> arrays.add(named("adam.v/" + name, array)));
        try {
            arrays.encode(data);
        } finally {
            arrays.close();
        }
        data.flush();
    }

    /**
     * Replaces the network and optimizer state with a checkpoint's.
     *
     * @throws IOException if the stream is not a checkpoint of this format or its width differs from the settings
     */
    public void restore(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int format = CHECKPOINT_MAGIC.equals(data.readUTF()) ? data.readInt() : -1;
        if (format != 1 && format != CHECKPOINT_FORMAT) {
            throw new IOException("not a style-trainer checkpoint of format 1 or " + CHECKPOINT_FORMAT);
        }
        int width = data.readInt();
        if (width != settings.baseWidth()) {
            throw new IOException("checkpoint is of base width " + width + ", this training uses " + settings.baseWidth());
        }
        int steps = data.readInt();
        int updates = data.readInt();
        GradientClipper restoredClipper = new GradientClipper();
        if (format >= 2) {
            restoredClipper.restore(data.readFloat(), data.readInt());
        }
        NDManager restored = manager.newSubManager();
        try {
            Map<String, NDArray> params = new LinkedHashMap<>();
            Map<String, NDArray> means = new LinkedHashMap<>();
            Map<String, NDArray> variances = new LinkedHashMap<>();
            for (NDArray array : NDList.decode(restored, data)) {
                String name = array.getName();
                int slash = name.indexOf('/');
                Map<String, NDArray> target = switch (name.substring(0, slash)) {
                    case "param" -> params;
                    case "adam.m" -> means;
                    case "adam.v" -> variances;
                    default -> throw new IOException("unexpected array " + name + " in checkpoint");
                };
                target.put(name.substring(slash + 1), array);
            }
            TransformerNet restoredNet = TransformerNet.fromWeights(new TransformerNetSpec(width), params, restored);
            AdamOptimizer restoredOptimizer = new AdamOptimizer(settings.learningRate(), restored);
            restoredOptimizer.restore(updates, means, variances);
            netManager.close();
            netManager = restored;
            net = restoredNet;
            optimizer = restoredOptimizer;
            clipper = restoredClipper;
            completed = steps;
        } catch (IOException | RuntimeException e) {
            restored.close();
            throw e;
        }
    }

    private static NDArray named(String name, NDArray array) {
        NDArray copy = array.duplicate();
        copy.setName(name);
        return copy;
    }

    @Override
    public void close() {
        loss.close();
        manager.close();
    }
}
