package dev.atelier.trainer.optimise;

import ai.djl.ndarray.NDManager;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.Optimisation;
import dev.atelier.imaging.PhotoColours;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.config.TrainerConfig;
import dev.atelier.trainer.engine.EngineSettings;
import dev.atelier.trainer.engine.TrainingFailure;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossWeights;
import dev.atelier.trainer.training.ComputeDevice;
import dev.atelier.trainer.training.GatysOptimizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Runs one optimisation: the loss network loaded for the job and freed after it (its arrays live in the job's
 * manager), Gatys's optimiser with the job's steps, size, content weight and stroke size, and the photo's colours put
 * back when asked.
 */
@Singleton
public class PaintingOptimiser {
    private static final Logger LOG = Logger.getLogger(PaintingOptimiser.class);

    private final EngineSettings.Network network;
    private final Path dataDir;
    private final ComputeDevice device;
    private final String unavailable;

    @Inject
    PaintingOptimiser(TrainerConfig config) {
        this(
                network(EngineSettings.of(config), config.optimise().network().orElse(null)),
                EngineSettings.of(config).dataDir());
    }

    public PaintingOptimiser(EngineSettings.Network network, Path dataDir) {
        this.network = network;
        this.dataDir = dataDir;
        ComputeDevice picked = null;
        String reason = null;
        try {
            picked = ComputeDevice.pick();
        } catch (RuntimeException | LinkageError e) {
            reason = "DJL's PyTorch engine did not load: " + e;
            LOG.errorf("no device for optimisation jobs, each will fail: %s", reason);
        }
        this.device = picked;
        this.unavailable = reason;
    }

    /** The network of the two this trainer has that {@code kind} names; the loss network's when null. */
    static EngineSettings.Network network(EngineSettings settings, String kind) {
        if (kind == null
                || kind.isBlank()
                || kind.trim().equalsIgnoreCase(settings.lossNetwork().kind())) {
            return settings.lossNetwork();
        }
        if (kind.trim().equalsIgnoreCase(settings.judgeNetwork().kind())) {
            return settings.judgeNetwork();
        }
        throw new IllegalArgumentException("atelier.trainer.optimise.network is '" + kind + "': it must be the loss"
                + " network's kind (" + settings.lossNetwork().kind() + ") or the judge's ("
                + settings.judgeNetwork().kind() + ")");
    }

    /** Where optimisations run: {@code cpu}, {@code cuda:0}, or {@code none}. */
    public String device() {
        if (device == null) {
            return "none";
        }
        return device.device().isGpu() ? "cuda:" + device.device().getDeviceId() : "cpu";
    }

    /** The loss network optimisations run against. */
    public String networkKind() {
        return network.kind();
    }

    /**
     * @return the optimised picture, its longer side at most {@code settings.maxSide()}
     * @throws TrainingFailure {@code trainer.unavailable} or {@code loss-network.unavailable}
     * @throws dev.atelier.trainer.training.DivergedException when the loss stays non-finite
     */
    public BufferedImage optimise(
            BufferedImage photo,
            BufferedImage painting,
            Optimisation settings,
            JobOptions options,
            GatysOptimizer.StepListener listener) {
        if (device == null) {
            throw new TrainingFailure(ErrorCodes.TRAINER_UNAVAILABLE, unavailable);
        }
        try (NDManager manager = device.newManager();
                LossNetwork loss = network.load(dataDir, manager)) {
            LossWeights weights = loss.defaultWeights();
            if (settings.contentWeight() != null) {
                weights = weights.withWeights(
                        settings.contentWeight().floatValue(), weights.styleWeight(), weights.tvWeight());
            }
            GatysOptimizer gatys = new GatysOptimizer(
                    loss,
                    weights,
                    settings.steps(),
                    GatysOptimizer.DEFAULT_LEARNING_RATE,
                    settings.maxSide(),
                    options.styleScale());
            BufferedImage result = gatys.stylise(photo, painting, manager, listener);
            return options.preserveColors()
                    ? PhotoColours.keep(result, Resizing.resize(photo, result.getWidth(), result.getHeight()))
                    : result;
        }
    }
}
