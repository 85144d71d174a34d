package dev.atelier.trainer.engine;

import ai.djl.ndarray.NDManager;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.trainer.config.TrainerConfig;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.loss.SqueezeNet;
import dev.atelier.trainer.loss.Vgg19Relu31;
import dev.atelier.trainer.training.AdversarialSettings;
import dev.atelier.trainer.training.QualityGate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link DjlTrainingEngine} needs from the settings, as plain values (so tests and the offline starter
 * command build it without Quarkus).
 *
 * @param lossNetwork the network the transform network is trained against
 * @param judgeNetwork the quality gate's independent judge
 * @param dataDir where downloaded weights are kept
 * @param learningRate Adam's step size
 * @param bounds the quality gate's bounds
 * @param maxSide longest side at which held-out photos are judged, checked for parity and previewed
 * @param warmUpSteps steps that first train the network to give the photo back ({@code TrainingSettings})
 * @param decayFrom the fraction of a training's steps after which its learning rate anneals
 *     ({@code LearningRateSchedule}); 1 for none
 * @param adversarial the adversarial term of trainings; {@link AdversarialSettings#OFF} for none
 */
public record EngineSettings(
        Network lossNetwork,
        Network judgeNetwork,
        Path dataDir,
        float learningRate,
        QualityGate.Bounds bounds,
        int maxSide,
        int warmUpSteps,
        float decayFrom,
        AdversarialSettings adversarial) {

    /**
     * One loss network's weights.
     *
     * @param kind {@value SqueezeNet#NAME} or {@value Vgg19Relu31#NAME}
     * @param location a file, folder or URL; null when not configured
     * @param sha256 the expected digest, or null
     * @param setting the configuration key of the location, named in errors
     */
    public record Network(String kind, String location, String sha256, String setting) {
        /**
         * @param dataDir where downloaded weights are kept
         * @param manager the manager (and device) the weights are created under
         * @throws TrainingFailure {@code loss-network.unavailable} when the weights are not configured or not loadable
         */
        public LossNetwork load(Path dataDir, NDManager manager) {
            if (location == null) {
                throw new TrainingFailure(
                        ErrorCodes.LOSS_NETWORK_UNAVAILABLE,
                        "this trainer has no weights for the " + kind + " network: set " + setting
                                + " to a weight file, folder or URL");
            }
            try {
                return LossNetworks.load(new LossNetworkSource(kind, location, sha256, dataDir), manager);
            } catch (IOException | IllegalArgumentException e) {
                throw new TrainingFailure(
                        ErrorCodes.LOSS_NETWORK_UNAVAILABLE,
                        "the " + kind + " network could not be loaded from " + location + ": " + e.getMessage(),
                        e);
            }
        }
    }

    public EngineSettings {
        if (maxSide < 16 || !(learningRate > 0) || warmUpSteps < 0 || !(decayFrom >= 0 && decayFrom <= 1)) {
            throw new IllegalArgumentException("max side must be at least 16, the learning rate > 0, the warm-up steps"
                    + " >= 0 and the decay start a fraction 0..1, got " + maxSide + ", " + learningRate + ", "
                    + warmUpSteps
                    + " and " + decayFrom);
        }
        if (adversarial == null) {
            adversarial = AdversarialSettings.OFF;
        }
    }

    /** Without a warm-up, at a constant learning rate. */
    public EngineSettings(
            Network lossNetwork,
            Network judgeNetwork,
            Path dataDir,
            float learningRate,
            QualityGate.Bounds bounds,
            int maxSide) {
        this(lossNetwork, judgeNetwork, dataDir, learningRate, bounds, maxSide, 0, 1f, null);
    }

    public static EngineSettings of(TrainerConfig config) {
        String lossKind =
                config.lossNetwork().kind().map(EngineSettings::normalise).orElse(SqueezeNet.NAME);
        String judgeKind =
                config.judgeNetwork().kind().map(EngineSettings::normalise).orElse(otherThan(lossKind));
        return new EngineSettings(
                new Network(
                        lossKind,
                        config.lossNetwork().location().orElse(null),
                        config.lossNetwork().sha256().orElse(null),
                        "atelier.trainer.loss-network.location"),
                new Network(
                        judgeKind,
                        config.judgeNetwork().location().orElse(null),
                        config.judgeNetwork().sha256().orElse(null),
                        "atelier.trainer.judge-network.location"),
                config.dataDir().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "atelier-trainer")),
                (float) config.learningRate(),
                new QualityGate.Bounds(
                        config.quality().maxStyleRatio(),
                        config.quality().maxPhotoStyleRatio(),
                        config.quality().maxContentRatio(),
                        config.quality().maxTradeOff()),
                config.quality().maxSide(),
                config.warmUpSteps(),
                (float) config.learningRateDecayFrom(),
                config.adversarial().settings());
    }

    /** The judge by default: the other of the two networks there are weights for. */
    public static String otherThan(String kind) {
        return SqueezeNet.NAME.equals(kind) ? Vgg19Relu31.NAME : SqueezeNet.NAME;
    }

    private static String normalise(String kind) {
        return kind.trim().toLowerCase(Locale.ROOT);
    }
}
