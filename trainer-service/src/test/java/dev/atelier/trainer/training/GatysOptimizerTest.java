package dev.atelier.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.StrokeSize;
import dev.atelier.imaging.TensorImages;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.loss.LossValues;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GatysOptimizerTest {

    @Test
    void optimisingThePixelsMovesAPhotoTowardsTheStyle() throws Exception {
        Path weights = SharedFiles.require("models/loss_networks/squeezenet1.1/weights_npy");
        BufferedImage photo = ImageDecoder.anySize().read(SharedFiles.require("images/content/chelsea.png"));
        BufferedImage style = ImageDecoder.anySize().read(SharedFiles.require("images/style/starry_night.jpg"));
        int steps = Integer.getInteger("gatys.steps", 40);
        try (NDManager manager = ComputeDevice.cpu().newManager();
                LossNetwork net = LossNetworks.load(
                        new LossNetworkSource("squeezenet1.1", weights.toString(), null, null), manager)) {
            List<LossValues> history = new ArrayList<>();
            List<Float> norms = new ArrayList<>();
            GatysOptimizer gatys = new GatysOptimizer(
                    net,
                    net.defaultWeights(),
                    steps,
                    GatysOptimizer.DEFAULT_LEARNING_RATE,
                    Integer.getInteger("gatys.side", 160));
            BufferedImage result = gatys.stylise(photo, style, manager, (step, outcome, picture) -> {
                history.add(outcome.losses());
                norms.add(outcome.gradientNorm());
            });

            LossValues first = history.get(0);
            LossValues last = history.get(history.size() - 1);
            System.out.println("gatys first: " + first + "\ngatys last:  " + last);
            assertThat(history).hasSize(steps);
            assertThat(norms).allSatisfy(norm -> assertThat(norm).isFinite());
            assertThat(last.total()).isLessThan(0.6f * first.total());
            assertThat(last.style()).isLessThan(0.6f * first.style());
            // The content term starts at 0 (the pixels are the photo) and may only grow so far.
            assertThat(first.content()).isLessThan(1e-6f);
            assertThat(last.content()).isLessThan(1f);

            BufferedImage start = Resizing.fitMultipleOf4(photo, result.getWidth());
            assertThat(meanAbsDiff(
                            TensorImages.toTensor(result).data(),
                            TensorImages.toTensor(start).data()))
                    .isGreaterThan(3f);
            Path out = Path.of("target", "gatys-chelsea-starry_night.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(result, "png", out.toFile());
        }
    }

    /**
     * The painting's scale in the loss sets the size of what is painted. Mosaic's tiles are the structure its loss
     * sees at every scale tried, so at twice the result's side they come out larger than at half of it: fewer changes
     * per pixel, and paint that stays alike over more pixels. (A high-resolution painting need not behave so: at a
     * larger scale Starry Night's swirls outgrow what the loss sees and its brush texture takes their place;
     * docs/optimisation.md.)
     */
    @Test
    void aLargerStyleScalePaintsLargerStrokes() throws Exception {
        Path weights = SharedFiles.require("models/loss_networks/squeezenet1.1/weights_npy");
        BufferedImage photo = ImageDecoder.anySize().read(SharedFiles.require("images/content/chelsea.png"));
        BufferedImage style = ImageDecoder.anySize().read(SharedFiles.require("images/style/mosaic.jpg"));
        BufferedImage start = Resizing.fitMultipleOf4(photo, 256);
        try (NDManager manager = ComputeDevice.cpu().newManager();
                LossNetwork net = LossNetworks.load(
                        new LossNetworkSource("squeezenet1.1", weights.toString(), null, null), manager)) {
            BufferedImage small = new GatysOptimizer(
                            net, net.defaultWeights(), 120, GatysOptimizer.DEFAULT_LEARNING_RATE, 256, 0.5)
                    .stylise(photo, style, manager, (step, outcome, picture) -> {});
            BufferedImage large = new GatysOptimizer(
                            net, net.defaultWeights(), 120, GatysOptimizer.DEFAULT_LEARNING_RATE, 256, 2.0)
                    .stylise(photo, style, manager, (step, outcome, picture) -> {});
            double smallFrequency = StrokeSize.meanSpatialFrequency(small);
            double largeFrequency = StrokeSize.meanSpatialFrequency(large);
            double smallLength = StrokeSize.residualCorrelationLength(small, start);
            double largeLength = StrokeSize.residualCorrelationLength(large, start);
            System.out.printf(
                    "styleScale 0.5 / 2: mean spatial frequency %.4f / %.4f, paint correlation length %.3f / %.3f px%n",
                    smallFrequency, largeFrequency, smallLength, largeLength);
            assertThat(largeFrequency).isLessThan(0.9 * smallFrequency);
            assertThat(largeLength).isGreaterThan(1.15 * smallLength);
            ImageIO.write(
                    small, "png", Path.of("target", "gatys-style-scale-0.5.png").toFile());
            ImageIO.write(
                    large, "png", Path.of("target", "gatys-style-scale-2.png").toFile());
        }
    }

    private static float meanAbsDiff(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return (float) (sum / a.length);
    }
}
