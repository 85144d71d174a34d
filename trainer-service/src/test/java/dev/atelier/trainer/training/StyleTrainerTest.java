package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.network.TransformerNetSpec;
import dev.atelier.trainer.onnx.OnnxExporter;
import dev.atelier.trainer.onnx.ParityGate;
import dev.atelier.trainer.onnx.ParityReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tiny but real training: SqueezeNet loss, width-8 network, small crops of real photos. */
class StyleTrainerTest {
    private static final int CROP = 64;
    private static NDManager manager;
    private static LossNetwork lossNetwork;
    private static List<BufferedImage> photos;
    private static BufferedImage style;

    @BeforeAll
    static void load() throws Exception {
        String weights = SharedFiles.require("models/loss_networks/squeezenet1.1/weights_npy")
                .toString();
        style = ImageDecoder.anySize().read(SharedFiles.require("images/style/starry_night.jpg"));
        photos = new ArrayList<>();
        for (String name : List.of("amber.jpg", "chicago.jpg", "tubingen.jpg", "golden_gate.jpg")) {
            // Shrunk once so that crops cost little; the crops still vary in scale and framing.
            photos.add(Resizing.fitMultipleOf4(
                    ImageDecoder.anySize().read(SharedFiles.require("images/content/" + name)), 160));
        }
        manager = ComputeDevice.cpu().newManager();
        lossNetwork = LossNetworks.load(new LossNetworkSource("squeezenet1.1", weights, null, null), manager);
    }

    @AfterAll
    static void close() {
        if (lossNetwork != null) {
            lossNetwork.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    private static TrainingSettings settings(int steps) {
        return new TrainingSettings(8, steps, 2, 1e-2f, 128, null, 42L);
    }

    private static RandomCropSource source(long seed) {
        return new RandomCropSource(photos, CROP, 0.5, seed);
    }

    @Test
    void lossDecreasesAndTheExportPassesTheParityGate() throws Exception {
        List<StepReport> reports = new ArrayList<>();
        try (StyleTrainer trainer =
                new StyleTrainer(settings(40), lossNetwork, style, source(1), ComputeDevice.cpu())) {
            trainer.run(reports::add);
            assertThat(reports).hasSize(40);
            reports.stream().filter(r -> r.step() % 10 == 0 || r.step() == 1).forEach(System.out::println);
            assertThat(reports).allSatisfy(r -> assertThat(r.imagesPerSecond()).isPositive());
            assertThat(reports).allSatisfy(r -> assertThat(r.losses().total()).isFinite());
            double first = meanTotal(reports.subList(0, 5));
            double last = meanTotal(reports.subList(35, 40));
            System.out.printf(
                    "mean total loss, steps 1-5: %.4f, steps 36-40: %.4f (%s)%n",
                    first, last, trainer.device().description());
            assertThat(last).isLessThan(0.7 * first);

            byte[] onnx = new OnnxExporter("test").export(trainer.network(), Map.of("steps", "40"));
            BufferedImage holdOut = ImageDecoder.anySize().read(SharedFiles.require("images/content/coffee.png"));
            ParityReport report = new ParityGate().check(trainer.network(), onnx, holdOut);
            System.out.println("trained export: " + report.describe());
            assertThat(report.passed()).as(report.describe()).isTrue();

            QualityReport quality = QualityEvaluation.evaluate(
                    trainer.network(), lossNetwork, lossNetwork.defaultWeights(), style, List.of(holdOut), 128);
            System.out.println("quality: " + quality);
            assertThat(quality.judge()).isEqualTo("squeezenet1.1");
            assertThat(quality.styleLoss()).isFinite().isPositive();
            assertThat(quality.contentLoss()).isFinite().isPositive();

            // The VGG as a second, independent judge; an untrained net of the same shape must do worse under it.
            String vggWeights = SharedFiles.require(
                            "models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz")
                    .toString();
            try (NDManager vggManager = manager.newSubManager();
                    LossNetwork vgg = LossNetworks.load(
                            new LossNetworkSource("vgg19_normalised_relu3_1", vggWeights, null, null), vggManager);
                    NDManager untrainedManager = manager.newSubManager()) {
                QualityReport trained = QualityEvaluation.evaluate(
                        trainer.network(), vgg, vgg.defaultWeights(), style, List.of(holdOut), 128);
                QualityReport untrained = QualityEvaluation.evaluate(
                        TransformerNet.create(new TransformerNetSpec(8), untrainedManager),
                        vgg,
                        vgg.defaultWeights(),
                        style,
                        List.of(holdOut),
                        128);
                System.out.println("quality: " + trained + " (untrained: " + untrained + ")");
                assertThat(trained.judge()).isEqualTo("vgg19_normalised_relu3_1");
                assertThat(trained.styleLoss()).isLessThan(untrained.styleLoss());
            }
        }
    }

    @Test
    void aRestoredCheckpointHasIdenticalParametersAndContinuesIdentically() throws Exception {
        RandomCropSource original = source(7);
        try (StyleTrainer a = new StyleTrainer(settings(10), lossNetwork, style, original, ComputeDevice.cpu())) {
            for (int i = 0; i < 3; i++) {
                a.step();
            }
            ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
            a.saveCheckpoint(checkpoint);

            // Another trainer (different initial weights) resumes, drawing the same crops as the original from now on.
            RandomCropSource replay = source(7);
            for (int i = 0; i < 3; i++) {
                replay.next(2);
            }
            TrainingSettings other = new TrainingSettings(8, 10, 2, 1e-2f, 128, null, 99L);
            try (StyleTrainer b = new StyleTrainer(other, lossNetwork, style, replay, ComputeDevice.cpu())) {
                assertThat(maxDiff(a, b)).isPositive();
                b.restore(new ByteArrayInputStream(checkpoint.toByteArray()));
                assertThat(b.completedSteps()).isEqualTo(3);
                assertThat(maxDiff(a, b)).isZero();

                StepReport nextA = a.step();
                StepReport nextB = b.step();
                assertThat(nextB.step()).isEqualTo(4);
                assertThat(nextB.losses().total())
                        .isCloseTo(nextA.losses().total(), org.assertj.core.data.Offset.offset(1e-4f));
                float after = maxDiff(a, b);
                System.out.printf(
                        "checkpoint: %d bytes; max param diff one step after restore: %g%n", checkpoint.size(), after);
                assertThat(after).isLessThan(1e-5f);
            }
        }
    }

    private static TrainingSettings adversarialSettings(long seed, float weight) {
        return new TrainingSettings(
                8, 10, 2, 1e-2f, 128, null, seed, 0, 1f, new AdversarialSettings(weight, 8, 2e-4f, 48));
    }

    @Test
    void theAdversarialTermsGradientReachesTheNetwork() throws Exception {
        try (StyleTrainer plain = new StyleTrainer(
                        adversarialSettings(42L, 0f), lossNetwork, style, source(9), ComputeDevice.cpu());
                StyleTrainer adversarial = new StyleTrainer(
                        adversarialSettings(42L, 2f), lossNetwork, style, source(9), ComputeDevice.cpu())) {
            assertThat(plain.adversarial()).isEmpty();
            assertThat(maxDiff(plain, adversarial))
                    .as("the same initial weights: the discriminator is made after the network")
                    .isZero();
            StepReport withoutTerm = plain.step();
            StepReport withTerm = adversarial.step();
            assertThat(withoutTerm.adversarial()).isNull();
            AdversarialTerm.Values values = withTerm.adversarial();
            System.out.println("first adversarial step: " + withTerm);
            assertThat(values).isNotNull();
            assertThat(List.of(values.generator(), values.discriminator(), values.realScore(), values.fakeScore()))
                    .allSatisfy(v -> assertThat(v).isFinite());
            assertThat(withTerm.losses().style()).isEqualTo(withoutTerm.losses().style());
            assertThat(withTerm.losses().total())
                    .as("the total carries the adversarial loss")
                    .isNotEqualTo(withoutTerm.losses().total());
            assertThat(maxDiff(plain, adversarial))
                    .as("the adversarial gradient moved the weights")
                    .isPositive();
        }
    }

    @Test
    void anAdversarialTrainingResumesItsDiscriminatorExactly() throws Exception {
        try (StyleTrainer a =
                new StyleTrainer(adversarialSettings(42L, 0.5f), lossNetwork, style, source(11), ComputeDevice.cpu())) {
            for (int i = 0; i < 3; i++) {
                a.step();
            }
            ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
            a.saveCheckpoint(checkpoint);

            RandomCropSource replay = source(11);
            for (int i = 0; i < 3; i++) {
                replay.next(2);
            }
            // The same settings (seed included: with the step, it draws the discriminator's crops), fresh weights.
            try (StyleTrainer b =
                    new StyleTrainer(adversarialSettings(42L, 0.5f), lossNetwork, style, replay, ComputeDevice.cpu())) {
                assertThat(discriminatorDiff(a, b)).isPositive();
                b.restore(new ByteArrayInputStream(checkpoint.toByteArray()));
                assertThat(maxDiff(a, b)).isZero();
                assertThat(discriminatorDiff(a, b)).isZero();

                StepReport nextA = a.step();
                StepReport nextB = b.step();
                System.out.printf("after restore: %s%n               %s%n", nextA, nextB);
                assertThat(nextB.adversarial().discriminator())
                        .isCloseTo(nextA.adversarial().discriminator(), org.assertj.core.data.Offset.offset(1e-4f));
                assertThat(discriminatorDiff(a, b)).isLessThan(1e-5f);
                assertThat(maxDiff(a, b)).isLessThan(1e-5f);
            }

            // A training without the term resumes the same checkpoint and leaves the discriminator aside.
            try (StyleTrainer plain = new StyleTrainer(
                    adversarialSettings(99L, 0f), lossNetwork, style, source(11), ComputeDevice.cpu())) {
                plain.restore(new ByteArrayInputStream(checkpoint.toByteArray()));
                assertThat(plain.completedSteps()).isEqualTo(3);
                assertThat(plain.step().adversarial()).isNull();
            }
        }
    }

    private static float discriminatorDiff(StyleTrainer a, StyleTrainer b) {
        Map<String, NDArray> x = a.adversarial().orElseThrow().discriminator().parameterArrays();
        Map<String, NDArray> y = b.adversarial().orElseThrow().discriminator().parameterArrays();
        float max = 0;
        for (String name : x.keySet()) {
            max = Math.max(max, x.get(name).sub(y.get(name)).abs().max().getFloat());
        }
        return max;
    }

    @Test
    void aCheckpointOfTheFormatBeforeTheGradientClipperStillLoads() throws Exception {
        try (StyleTrainer a = new StyleTrainer(settings(10), lossNetwork, style, source(5), ComputeDevice.cpu())) {
            for (int i = 0; i < 2; i++) {
                a.step();
            }
            ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
            a.saveCheckpoint(checkpoint);

            TrainingSettings other = new TrainingSettings(8, 10, 2, 1e-2f, 128, null, 99L);
            try (StyleTrainer b = new StyleTrainer(other, lossNetwork, style, source(5), ComputeDevice.cpu())) {
                b.restore(new ByteArrayInputStream(asFormat1(checkpoint.toByteArray())));
                assertThat(b.completedSteps()).isEqualTo(2);
                assertThat(maxDiff(a, b)).isZero();
                assertThat(b.step().updated()).isTrue();
            }
        }
    }

    /**
     * Format 1 is format 3 without the clipper's average and count after the update count, and without the flag that
     * says no discriminator follows.
     */
    private static byte[] asFormat1(byte[] format3) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(format3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(in.readUTF());
        assertThat(in.readInt()).isEqualTo(3);
        out.writeInt(1);
        for (int i = 0; i < 3; i++) {
            out.writeInt(in.readInt()); // width, completed steps, Adam's updates
        }
        in.readFloat();
        in.readInt();
        assertThat(in.readBoolean()).isFalse();
        in.transferTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void aStepWhoseLossIsNotFiniteIsSkippedAndLeavesTheWeightsAsTheyWere() throws Exception {
        RandomCropSource crops = source(3);
        boolean[] poison = {false};
        ContentSource content = size -> {
            ImageBatch batch = crops.next(size);
            if (poison[0]) {
                batch.data()[0] = Float.NaN; // one bad pixel: the loss and every gradient become NaN
            }
            return batch;
        };
        try (StyleTrainer trainer = new StyleTrainer(settings(10), lossNetwork, style, content, ComputeDevice.cpu());
                StyleTrainer reference =
                        new StyleTrainer(settings(10), lossNetwork, style, source(99), ComputeDevice.cpu())) {
            assertThat(trainer.step().updated()).isTrue();
            ByteArrayOutputStream before = new ByteArrayOutputStream();
            trainer.saveCheckpoint(before);
            reference.restore(new ByteArrayInputStream(before.toByteArray()));

            poison[0] = true;
            StepReport first = trainer.step();
            StepReport second = trainer.step();
            assertThat(first.losses().total()).isNaN();
            assertThat(first.updated()).isFalse();
            assertThat(second.skippedInARow()).isEqualTo(2);
            assertThat(trainer.skippedSteps()).isEqualTo(2);
            assertThat(maxDiff(trainer, reference))
                    .as("weights after skipped steps")
                    .isZero();

            poison[0] = false;
            StepReport healthy = trainer.step();
            assertThat(healthy.updated()).isTrue();
            assertThat(healthy.skippedInARow()).isZero();
            assertThat(healthy.losses().total()).isFinite();
            assertThat(maxDiff(trainer, reference))
                    .as("the NaN gradients were cleared, the update is finite")
                    .isPositive();
            for (NDArray parameter : trainer.network().parameterArrays().values()) {
                assertThat(parameter.isNaN().any().getBoolean()).isFalse();
            }

            poison[0] = true;
            for (int i = 1; i < GuardedStep.MAX_SKIPPED_IN_A_ROW; i++) {
                assertThat(trainer.step().skippedInARow()).isEqualTo(i);
            }
            assertThatThrownBy(trainer::step)
                    .isInstanceOf(DivergedException.class)
                    .hasMessageContaining(GuardedStep.MAX_SKIPPED_IN_A_ROW + " steps in a row");
        }
    }

    private static float maxDiff(StyleTrainer a, StyleTrainer b) {
        float max = 0;
        for (Map.Entry<String, NDArray> p : a.network().parameterArrays().entrySet()) {
            float[] x = p.getValue().toFloatArray();
            float[] y = b.network().parameterArrays().get(p.getKey()).toFloatArray();
            for (int i = 0; i < x.length; i++) {
                max = Math.max(max, Math.abs(x[i] - y[i]));
            }
        }
        return max;
    }

    private static double meanTotal(List<StepReport> reports) {
        return reports.stream().mapToDouble(r -> r.losses().total()).average().orElseThrow();
    }
}
