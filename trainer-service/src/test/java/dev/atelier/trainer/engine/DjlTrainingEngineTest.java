package dev.atelier.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.loss.LossWeights;
import dev.atelier.trainer.loss.SqueezeNet;
import dev.atelier.trainer.loss.Vgg19Relu31;
import dev.atelier.trainer.onnx.OnnxRunner;
import dev.atelier.trainer.onnx.ParityReport;
import dev.atelier.trainer.training.AdversarialSettings;
import dev.atelier.trainer.training.CheckpointStore;
import dev.atelier.trainer.training.LearningRateSchedule;
import dev.atelier.trainer.training.QualityGate;
import dev.atelier.trainer.training.TrainingSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real engine on real photos and loss networks, kept tiny (width 8, 32 px crops, a few steps): the loop's
 * checkpoints, previews and losses, resuming, stopping, the export, and both gates' outcomes.
 */
class DjlTrainingEngineTest {
    private static final int JUDGE_SIDE = 64;
    private static final QualityGate.Bounds LENIENT = new QualityGate.Bounds(100, 100, 100, 10000);
    private static BufferedImage style;
    private static ContentPhotos photos;
    private static Path squeezeNet;
    private static Path vgg;

    @BeforeAll
    static void load() throws Exception {
        squeezeNet = SharedFiles.require("models/loss_networks/squeezenet1.1/weights_npy");
        vgg = SharedFiles.require("models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz");
        style = ImageDecoder.anySize().read(SharedFiles.require("images/style/great_wave.jpg"));
        List<BufferedImage> train = new ArrayList<>();
        for (String name : List.of("amber.jpg", "chicago.jpg", "golden_gate.jpg")) {
            train.add(ImageDecoder.anySize().read(SharedFiles.require("images/content/" + name)));
        }
        List<BufferedImage> heldOut = List.of(
                ImageDecoder.anySize().read(SharedFiles.require("images/content/chelsea.png")),
                ImageDecoder.anySize().read(SharedFiles.require("images/content/coffee.png")));
        photos = ContentPhotos.of(train, heldOut, 32, JUDGE_SIDE);
    }

    private static DjlTrainingEngine engine(QualityGate.Bounds bounds, String lossLocation) {
        return new DjlTrainingEngine(
                new EngineSettings(
                        new EngineSettings.Network(
                                SqueezeNet.NAME, lossLocation, null, "atelier.trainer.loss-network.location"),
                        new EngineSettings.Network(
                                Vgg19Relu31.NAME, vgg.toString(), null, "atelier.trainer.judge-network.location"),
                        Path.of("target/engine-test-data"),
                        1e-2f,
                        bounds,
                        JUDGE_SIDE),
                "test");
    }

    private static TrainingPlan plan(int steps) {
        return new TrainingPlan(
                "t-1",
                "wave",
                style,
                new TrainingOptions(8, steps, 1, 32, null, null, null, "photos"),
                null,
                3,
                3,
                42L);
    }

    @Test
    void trainsResumesAfterAStopAndReturnsAnExportJudgedByBothNetworks() throws Exception {
        DjlTrainingEngine engine = engine(LENIENT, squeezeNet.toString());
        assertThat(engine.device()).isEqualTo("cpu");
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        Recorder first = new Recorder(4);

        assertThatThrownBy(() -> engine.train(plan(6), photos, checkpoints, first))
                .isInstanceOf(TrainingStoppedException.class);
        assertThat(first.steps).containsExactly(1, 2, 3, 4);
        assertThat(checkpoints.saved).containsExactly(3);

        Recorder second = new Recorder(-1);
        TrainedModel model = engine.train(plan(6), photos, checkpoints, second);

        assertThat(second.steps).as("resumed after the checkpoint at step 3").containsExactly(4, 5, 6);
        assertThat(checkpoints.saved).containsExactly(3, 6);
        assertThat(first.losses.get(0)).containsOnlyKeys("content", "style", "tv", "total");
        assertThat(second.losses)
                .allSatisfy(l ->
                        assertThat(l.values()).allSatisfy(v -> assertThat(v).isFinite()));
        assertThat(first.previews.keySet()).containsExactly(3);
        assertThat(second.previews.keySet()).containsExactly(6);
        BufferedImage preview = ImageIO.read(new ByteArrayInputStream(second.previews.get(6)));
        assertThat(preview.getWidth()).isEqualTo(photos.heldOut().get(0).getWidth());

        assertThat(model.inputName()).isEqualTo("input1");
        assertThat(model.inputShape()).containsExactly(-1L, 3L, -1L, -1L);
        assertThat(ImageIO.read(new ByteArrayInputStream(model.preview()))).isNotNull();
        assertThat(model.quality())
                .containsKeys(
                        "squeezenet1.1.styleLoss",
                        "squeezenet1.1.contentLoss",
                        "squeezenet1.1.untrainedStyleLoss",
                        "squeezenet1.1.photoStyleLoss",
                        "vgg19_normalised_relu3_1.styleLoss",
                        "vgg19_normalised_relu3_1.contentLoss",
                        "parityMaxAbsDiff")
                .containsEntry("heldOutPhotos", 2.0);
        assertThat(model.quality().get("parityMaxAbsDiff")).isLessThan(0.05);
        System.out.println("tiny training's figures: " + model.quality());
        try (OnnxRunner runner = new OnnxRunner(model.onnx(), model.inputName(), model.outputName())) {
            float[] out = runner.run(new float[3 * 32 * 48], new long[] {1, 3, 32, 48});
            assertThat(out).hasSize(3 * 32 * 48);
        }
    }

    @Test
    void aBarelyTrainedModelFailsTheDefaultQualityGateWithItsFigures() {
        assertThatThrownBy(() -> engine(QualityGate.Bounds.DEFAULTS, squeezeNet.toString())
                        .train(plan(1), photos, new MemoryCheckpoints(), new Recorder(-1)))
                .isInstanceOfSatisfying(
                        TrainingFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCodes.QUALITY_BELOW_GATE))
                .hasMessageContaining("squeezenet1.1: style loss")
                .hasMessageContaining("vgg19_normalised_relu3_1: style loss")
                .hasMessageContaining("FAILED");
    }

    @Test
    void failsWithAReadableCodeWhenTheLossNetworkIsNotConfiguredOrMissing() {
        assertThatThrownBy(
                        () -> engine(LENIENT, null).train(plan(1), photos, new MemoryCheckpoints(), new Recorder(-1)))
                .isInstanceOfSatisfying(
                        TrainingFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCodes.LOSS_NETWORK_UNAVAILABLE))
                .hasMessageContaining("atelier.trainer.loss-network.location");
        assertThatThrownBy(() -> engine(LENIENT, "no/such/weights")
                        .train(plan(1), photos, new MemoryCheckpoints(), new Recorder(-1)))
                .isInstanceOfSatisfying(
                        TrainingFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCodes.LOSS_NETWORK_UNAVAILABLE))
                .hasMessageContaining("no/such/weights");
    }

    @Test
    void anExportThatDiffersFromTheNetworkFailsTheTrainingWithTheFigures() {
        ParityReport off = new ParityReport(new long[] {1, 3, 64, 64}, 3.5f, 0.2, 0.05f);
        assertThatThrownBy(() -> ModelReview.checkParity(off))
                .isInstanceOfSatisfying(
                        TrainingFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCodes.EXPORT_PARITY))
                .hasMessage(off.describe())
                .hasMessageContaining("max abs diff 3.5");
        ModelReview.checkParity(new ParityReport(new long[] {1, 3, 64, 64}, 0.001f, 0.0001, 0.05f));
    }

    @Test
    void optionsBecomeSettingsWithTheLossNetworksDefaultsForOmittedWeights() {
        LossWeights defaults = new LossWeights(Map.of("fire2", 1f), "fire5", 1f, 10f, 1f);
        TrainingSettings omitted = DjlTrainingEngine.trainingSettings(
                new TrainingOptions(16, 100, 4, 256, null, null, null, "d"),
                defaults,
                1e-3f,
                7L,
                20,
                0.5f,
                AdversarialSettings.OFF);
        assertThat(omitted.weights()).isEqualTo(defaults);
        assertThat(omitted)
                .extracting(
                        TrainingSettings::baseWidth,
                        TrainingSettings::steps,
                        TrainingSettings::batchSize,
                        TrainingSettings::styleSize,
                        TrainingSettings::seed,
                        TrainingSettings::warmUpSteps,
                        TrainingSettings::schedule)
                .containsExactly(16, 100, 4, 256, 7L, 20, new LearningRateSchedule(1e-3f, 100, 0.5f));

        TrainingSettings given = DjlTrainingEngine.trainingSettings(
                new TrainingOptions(8, 5, 2, 64, 2.0, 30.0, 0.5, "d"),
                defaults,
                1e-3f,
                7L,
                20,
                1f,
                AdversarialSettings.weighted(0.5f));
        assertThat(given.weights()).isEqualTo(new LossWeights(Map.of("fire2", 1f), "fire5", 2f, 30f, 0.5f));
        assertThat(given.warmUpSteps())
                .as("a warm-up longer than the training is cut to it")
                .isEqualTo(5);
        assertThat(given.adversarial().weight()).isEqualTo(0.5f);
    }

    @Test
    void photosAreShrunkToTwiceTheCropSideAndNoFurther() {
        BufferedImage large = new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB);
        BufferedImage shrunk = TrainPhotos.shrink(large, 128);
        assertThat(shrunk.getHeight()).isEqualTo(128);
        assertThat(shrunk.getWidth()).isEqualTo(213);
        BufferedImage small = new BufferedImage(100, 90, BufferedImage.TYPE_INT_RGB);
        assertThat(TrainPhotos.shrink(small, 128)).isSameAs(small);
    }

    /** Checkpoints in memory: what the service keeps in S3. */
    static final class MemoryCheckpoints implements CheckpointStore {
        final List<Integer> saved = new ArrayList<>();
        private Checkpoint latest;

        @Override
        public Optional<Checkpoint> latest() {
            return Optional.ofNullable(latest);
        }

        @Override
        public void save(int step, byte[] state) {
            saved.add(step);
            latest = new Checkpoint(step, state);
        }
    }

    /** Records steps and previews; stops the training (as the service does on shutdown) at a given step. */
    static final class Recorder implements ProgressListener {
        final List<Integer> steps = new ArrayList<>();
        final List<Map<String, Double>> losses = new ArrayList<>();
        final Map<Integer, byte[]> previews = new LinkedHashMap<>();
        private final int stopAt;

        Recorder(int stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void onStep(int step, Map<String, Double> stepLosses) {
            steps.add(step);
            losses.add(stepLosses);
            if (step == stopAt) {
                throw new TrainingStoppedException("stopping at step " + step);
            }
        }

        @Override
        public void onPreview(int step, byte[] jpeg) {
            previews.put(step, jpeg);
        }
    }
}
