package dev.atelier.trainer.engine;

import ai.djl.ndarray.NDManager;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.trainer.config.TrainerConfig;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossValues;
import dev.atelier.trainer.loss.LossWeights;
import dev.atelier.trainer.training.AdversarialSettings;
import dev.atelier.trainer.training.CheckpointStore;
import dev.atelier.trainer.training.Checkpointing;
import dev.atelier.trainer.training.ComputeDevice;
import dev.atelier.trainer.training.DivergedException;
import dev.atelier.trainer.training.PrefetchingContentSource;
import dev.atelier.trainer.training.RandomCropSource;
import dev.atelier.trainer.training.StepReport;
import dev.atelier.trainer.training.StyleTrainer;
import dev.atelier.trainer.training.TrainingListener;
import dev.atelier.trainer.training.TrainingSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The {@link TrainingEngine}: DJL's PyTorch engine on the first GPU it sees, else the CPU. Trains a Johnson transform
 * network with {@link StyleTrainer} on random multi-scale crops (flipped half of the time) of the dataset's train
 * photos against the configured loss network, checkpointing and previewing as the plan says, then hands the network to
 * {@link ModelReview} (ONNX export, parity gate, quality gate under the loss network and the judge, preview).
 */
@Singleton
public class DjlTrainingEngine implements TrainingEngine {
    private static final Logger LOG = Logger.getLogger(DjlTrainingEngine.class);

    private final EngineSettings settings;
    private final String producerVersion;
    private final ComputeDevice device;
    private final String unavailable;

    @Inject
    public DjlTrainingEngine(
            TrainerConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this(EngineSettings.of(config), version);
    }

    public DjlTrainingEngine(EngineSettings settings, String producerVersion) {
        this.settings = settings;
        this.producerVersion = producerVersion;
        ComputeDevice picked = null;
        String reason = null;
        try {
            picked = ComputeDevice.pick();
            LOG.infof("training device: %s", picked.description());
        } catch (RuntimeException | LinkageError e) {
            reason = "DJL's PyTorch engine did not load: " + e;
            LOG.errorf("no training device, every training will fail: %s", reason);
        }
        this.device = picked;
        this.unavailable = reason;
        for (EngineSettings.Network network : List.of(settings.lossNetwork(), settings.judgeNetwork())) {
            if (network.location() == null) {
                LOG.warnf(
                        "no weights for the %s network: set %s, else every training fails",
                        network.kind(), network.setting());
            }
        }
    }

    @Override
    public String device() {
        if (device == null) {
            return "none";
        }
        return device.device().isGpu() ? "cuda:" + device.device().getDeviceId() : "cpu";
    }

    @Override
    public TrainedModel train(TrainingPlan plan, CheckpointStore checkpoints, ProgressListener progress)
            throws Exception {
        requireDevice();
        return train(
                plan,
                ContentPhotos.of(plan.photos(), plan.options().imageSize(), settings.maxSide()),
                checkpoints,
                progress);
    }

    /** As {@link #train(TrainingPlan, CheckpointStore, ProgressListener)}, with the photos given ({@code plan.photos()} unused). */
    public TrainedModel train(
            TrainingPlan plan, ContentPhotos photos, CheckpointStore checkpoints, ProgressListener progress)
            throws Exception {
        requireDevice();
        TrainingOptions options = plan.options();
        Optional<CheckpointStore.Checkpoint> checkpoint = checkpoints.latest();
        int resumeAt = checkpoint.map(CheckpointStore.Checkpoint::step).orElse(0);
        try (NDManager manager = device.newManager();
                LossNetwork loss = load(settings.lossNetwork(), manager);
                LossNetwork judge = load(settings.judgeNetwork(), manager);
                PrefetchingContentSource content = new PrefetchingContentSource(new RandomCropSource(
                        photos.trainCount(),
                        photos.train(),
                        options.imageSize(),
                        RandomCropSource.DEFAULT_MIN_SCALE,
                        contentSeed(plan.seed(), resumeAt)));
                StyleTrainer trainer = new StyleTrainer(
                        trainingSettings(
                                options,
                                loss.defaultWeights(),
                                settings.learningRate(),
                                plan.seed(),
                                settings.warmUpSteps(),
                                settings.decayFrom(),
                                settings.adversarial()),
                        loss,
                        plan.styleImage(),
                        content,
                        device)) {
            if (checkpoint.isPresent()) {
                trainer.restore(new ByteArrayInputStream(checkpoint.get().state()));
            }
            LOG.infof(
                    "training %s: %s from step %d of %d, width %d, batch %d, %d px crops of %d photos, loss %s, judge %s, on %s",
                    plan.trainingId(),
                    resumeAt == 0 ? "starts" : "resumes",
                    trainer.completedSteps(),
                    options.steps(),
                    options.width(),
                    options.batchSize(),
                    options.imageSize(),
                    photos.trainCount(),
                    loss.name(),
                    judge.name(),
                    device.description());
            BufferedImage previewPhoto = photos.heldOut().get(0);
            try {
                trainer.run(TrainingListener.all(
                        report -> logStep(plan.trainingId(), report),
                        new Checkpointing(trainer, checkpoints, plan.checkpointEvery()),
                        report -> progress.onStep(report.step(), losses(report)),
                        TrainingListener.every(
                                plan.previewEvery(),
                                report -> progress.onPreview(
                                        report.step(), Previews.render(trainer.network(), previewPhoto)))));
            } catch (DivergedException e) {
                throw new TrainingFailure(
                        ErrorCodes.TRAINING_DIVERGED,
                        e.getMessage() + ", up to step "
                                + (trainer.completedSteps() + 1)
                                + ": lower the learning rate (atelier.trainer.learning-rate) or the loss weights",
                        e);
            }
            return ModelReview.review(
                    plan.trainingId(),
                    trainer.network(),
                    plan.seed(),
                    List.of(loss, judge),
                    plan.styleImage(),
                    photos,
                    settings,
                    producerVersion,
                    metadata(plan, loss));
        }
    }

    /** The client's options as the trainer's settings: loss weights it leaves out are the loss network's defaults. */
    static TrainingSettings trainingSettings(
            TrainingOptions options,
            LossWeights defaults,
            float learningRate,
            long seed,
            int warmUpSteps,
            float decayFrom,
            AdversarialSettings adversarial) {
        LossWeights weights = defaults.withWeights(
                options.contentWeight() == null
                        ? defaults.contentWeight()
                        : options.contentWeight().floatValue(),
                options.styleWeight() == null
                        ? defaults.styleWeight()
                        : options.styleWeight().floatValue(),
                options.tvWeight() == null
                        ? defaults.tvWeight()
                        : options.tvWeight().floatValue());
        // The style image at the crop side: its strokes keep the scale the network sees them at.
        return new TrainingSettings(
                options.width(),
                options.steps(),
                options.batchSize(),
                learningRate,
                options.imageSize(),
                weights,
                seed,
                Math.min(warmUpSteps, options.steps()),
                decayFrom,
                adversarial);
    }

    /** A resumed training draws other crops than the first attempt did from the checkpoint on, but reproducibly. */
    static long contentSeed(long seed, int resumeAt) {
        return seed ^ (resumeAt * 0x9E3779B97F4A7C15L);
    }

    static Map<String, Double> losses(LossValues values) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("content", (double) values.content());
        losses.put("style", (double) values.style());
        losses.put("tv", (double) values.tv());
        losses.put("total", (double) values.total());
        return losses;
    }

    /** The step's losses for progress reports, the adversarial term's among them when it is on. */
    static Map<String, Double> losses(StepReport report) {
        Map<String, Double> losses = losses(report.losses());
        if (report.adversarial() != null) {
            losses.put("adversarial", (double) report.adversarial().generator());
            losses.put("discriminator", (double) report.adversarial().discriminator());
        }
        return losses;
    }

    /** Every step at debug level; a skipped one (not finite) as a warning, since several in a row fail the training. */
    private static void logStep(String trainingId, StepReport report) {
        LOG.debugf("training %s: %s", trainingId, report);
        if (!report.updated()) {
            LOG.warnf(
                    "training %s: step %d skipped, its loss or gradients were not finite (%s)",
                    trainingId, report.step(), report.losses());
        }
    }

    private LossNetwork load(EngineSettings.Network network, NDManager manager) {
        return network.load(settings.dataDir(), manager);
    }

    private Map<String, String> metadata(TrainingPlan plan, LossNetwork loss) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("style", plan.styleId());
        metadata.put("training", plan.trainingId());
        metadata.put("steps", Integer.toString(plan.options().steps()));
        metadata.put("width", Integer.toString(plan.options().width()));
        metadata.put("imageSize", Integer.toString(plan.options().imageSize()));
        metadata.put("lossNetwork", loss.name());
        return metadata;
    }

    private void requireDevice() {
        if (device == null) {
            throw new TrainingFailure(ErrorCodes.TRAINER_UNAVAILABLE, unavailable);
        }
    }
}
