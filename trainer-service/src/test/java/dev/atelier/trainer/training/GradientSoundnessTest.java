package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of optimisation steps while {@link GcPressure} frees and overwrites unreachable native memory: every
 * gradient must be finite, and the same seed (and the same checkpoint) must give bit-identical parameters. Native
 * memory read after it was freed, or before it was written, fails this every run, not now and then.
 */
class GradientSoundnessTest {
    private static NDManager manager;
    private static LossNetwork squeezeNet;
    private static BufferedImage style;
    private static List<BufferedImage> photos;

    @BeforeAll
    static void load() throws Exception {
        String weights = SharedFiles.require("models/loss_networks/squeezenet1.1/weights_npy")
                .toString();
        style = ImageDecoder.anySize().read(SharedFiles.require("images/style/udnie.jpg"));
        photos = new ArrayList<>();
        for (String name : List.of("chicago.jpg", "tubingen.jpg", "golden_gate.jpg")) {
            photos.add(Resizing.fitMultipleOf4(
                    ImageDecoder.anySize().read(SharedFiles.require("images/content/" + name)), 128));
        }
        manager = ComputeDevice.cpu().newManager();
        squeezeNet = LossNetworks.load(new LossNetworkSource("squeezenet1.1", weights, null, null), manager);
    }

    @AfterAll
    static void close() {
        if (squeezeNet != null) {
            squeezeNet.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void gatysTakesThreeHundredSoundStepsAndRepeatsItselfExactly() throws Exception {
        GatysOptimizer gatys = new GatysOptimizer(
                squeezeNet, squeezeNet.defaultWeights(), 300, GatysOptimizer.DEFAULT_LEARNING_RATE, 96);
        List<GuardedStep.Outcome> first = new ArrayList<>();
        BufferedImage a;
        BufferedImage b;
        try (GcPressure pressure = new GcPressure()) {
            a = gatys.stylise(photos.get(0), style, manager, (step, outcome, picture) -> first.add(outcome));
            b = gatys.stylise(photos.get(0), style, manager, (step, outcome, picture) -> {});
        }
        assertThat(first).hasSize(300).allSatisfy(outcome -> {
            assertThat(outcome.gradientNorm()).as("gradient norm").isFinite().isPositive();
            assertThat(outcome.updated()).isTrue();
        });
        assertThat(first.get(299).losses().style())
                .isLessThan(0.5f * first.get(0).losses().style());
        assertThat(TensorImages.toTensor(b).data())
                .as("a second run on the same photo")
                .containsExactly(TensorImages.toTensor(a).data());
    }

    @Test
    void trainingTakesSoundStepsAndAResumedRunEndsWithTheSameParameters() throws Exception {
        int steps = 120;
        int checkpointAt = 60;
        TrainingSettings settings = new TrainingSettings(8, steps, 2, 5e-3f, 96, null, 42L);
        List<StepReport> reports = new ArrayList<>();
        try (GcPressure pressure = new GcPressure();
                StyleTrainer whole = new StyleTrainer(settings, squeezeNet, style, crops(), ComputeDevice.cpu());
                StyleTrainer again = new StyleTrainer(settings, squeezeNet, style, crops(), ComputeDevice.cpu())) {
            ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
            while (whole.completedSteps() < steps) {
                reports.add(whole.step());
                if (whole.completedSteps() == checkpointAt) {
                    whole.saveCheckpoint(checkpoint);
                }
            }
            while (again.completedSteps() < steps) {
                again.step();
            }
            assertThat(reports).allSatisfy(report -> {
                assertThat(report.gradientNorm())
                        .as("gradient norm at step %d", report.step())
                        .isFinite()
                        .isPositive();
                assertThat(report.updated()).isTrue();
            });
            assertThat(maxDiff(again, whole))
                    .as("a second run from the same seed")
                    .isZero();

            // Resumed from the checkpoint by a trainer of another seed, drawing the crops the first run drew after it.
            RandomCropSource replay = crops();
            for (int i = 0; i < checkpointAt; i++) {
                replay.next(settings.batchSize());
            }
            TrainingSettings otherSeed = new TrainingSettings(8, steps, 2, 5e-3f, 96, null, 7L);
            try (StyleTrainer resumed = new StyleTrainer(otherSeed, squeezeNet, style, replay, ComputeDevice.cpu())) {
                resumed.restore(new ByteArrayInputStream(checkpoint.toByteArray()));
                while (resumed.completedSteps() < steps) {
                    resumed.step();
                }
                assertThat(maxDiff(resumed, whole))
                        .as("resumed at step %d", checkpointAt)
                        .isZero();
            }
        }
    }

    private static RandomCropSource crops() {
        return new RandomCropSource(photos, 64, 0.5, 11L);
    }

    /** The largest difference between two trainers' parameters; NaN anywhere counts as a difference. */
    private static float maxDiff(StyleTrainer a, StyleTrainer b) {
        float max = 0;
        for (Map.Entry<String, NDArray> p : a.network().parameterArrays().entrySet()) {
            float[] x = p.getValue().toFloatArray();
            float[] y = b.network().parameterArrays().get(p.getKey()).toFloatArray();
            for (int i = 0; i < x.length; i++) {
                float d = Math.abs(x[i] - y[i]);
                max = Float.isNaN(d) ? Float.POSITIVE_INFINITY : Math.max(max, d);
            }
        }
        return max;
    }
}
