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
 * manager), Gatys's optimiser with the job's steps, size, content weight and stroke size, multi-scale (a share of the
 * steps at half the side, the rest at full size from that picture), and the photo's colours put back when asked.
 */
@Singleton
public class PaintingOptimiser {
    private static final Logger LOG = Logger.getLogger(PaintingOptimiser.class);

    private final EngineSettings.Network network;
    private final Path dataDir;
    private final double coarseFraction;
    private final GatysOptimizer.Method method;
    private final ComputeDevice device;
    private final String unavailable;

    @Inject
    PaintingOptimiser(TrainerConfig config) {
        this(
                network(EngineSettings.of(config), config.optimise().network().orElse(null)),
                EngineSettings.of(config).dataDir(),
                config.optimise().coarseFraction(),
                config.optimise().method());
    }

    /**
     * @param coarseFraction the share of steps run first at half the side; 0 for a single pass
     * @param method how the pixels are moved
     */
    public PaintingOptimiser(
            EngineSettings.Network network, Path dataDir, double coarseFraction, GatysOptimizer.Method method) {
        if (!(coarseFraction >= 0 && coarseFraction < 1)) {
            throw new IllegalArgumentException(
                    "atelier.trainer.optimise.coarse-fraction must be within [0, 1), was " + coarseFraction);
        }
        this.network = network;
        this.dataDir = dataDir;
        this.coarseFraction = coarseFraction;
        this.method = method;
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
            // A coarse pass at half the side first, unless that would be below the smallest side worth optimising.
            int coarseSteps =
                    settings.maxSide() / 2 >= Optimisation.MIN_MAX_SIDE ? (int) (settings.steps() * coarseFraction) : 0;
            BufferedImage start = null;
            if (coarseSteps > 0) {
                start = new GatysOptimizer(
                                loss,
                                weights,
                                coarseSteps,
                                GatysOptimizer.DEFAULT_LEARNING_RATE,
                                settings.maxSide() / 2,
                                options.styleScale(),
                                method)
                        .stylise(photo, painting, manager, listener);
            }
            BufferedImage result = new GatysOptimizer(
                            loss,
                            weights,
                            settings.steps() - coarseSteps,
                            GatysOptimizer.DEFAULT_LEARNING_RATE,
                            settings.maxSide(),
                            options.styleScale(),
                            method)
                    .stylise(
                            photo,
                            painting,
                            start,
                            manager,
                            (step, outcome, picture) -> listener.stepped(coarseSteps + step, outcome, picture));
            return options.preserveColors()
                    ? PhotoColours.keep(result, Resizing.resize(photo, result.getWidth(), result.getHeight()))
                    : result;
        }
    }
}
