package dev.atelier.trainer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.training.ComputeDevice;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gradients training follows are those of the loss it reports: for each loss network, the autograd
 * derivative of the content and of the style term along a random direction in image space matches a central
 * finite difference, on a real photo and painting.
 */
class PerceptualLossGradientTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "squeezenet1.1, models/loss_networks/squeezenet1.1/weights_npy",
        "vgg19_normalised_relu3_1, models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz"
    })
    void contentAndStyleGradientsMatchFiniteDifferences(String kind, String weights) throws Exception {
        String location = SharedFiles.require(weights).toString();
        try (NDManager manager = ComputeDevice.cpu().newManager();
                LossNetwork network = LossNetworks.load(new LossNetworkSource(kind, location, null, null), manager)) {
            NDArray style = ImageArrays.toArray(
                    manager,
                    Resizing.fitMultipleOf4(
                            ImageDecoder.anySize().read(SharedFiles.require("images/style/udnie.jpg")), 64));
            NDArray photo = ImageArrays.toArray(
                    manager,
                    Resizing.fitMultipleOf4(
                            ImageDecoder.anySize().read(SharedFiles.require("images/content/chicago.jpg")), 64));
            manager.getEngine().setRandomSeed(3);
            NDArray image = manager.randomUniform(0f, 255f, photo.getShape());
            NDArray direction = manager.randomNormal(photo.getShape());
            try (PerceptualLoss loss = new PerceptualLoss(network, network.defaultWeights(), style)) {
                check(loss, image, direction, photo, LossTerms::content);
                check(loss, image, direction, photo, LossTerms::style);
            }
        }
    }

    private static void check(
            PerceptualLoss loss, NDArray image, NDArray direction, NDArray photo, Function<LossTerms, NDArray> term) {
        NDArray x = image.duplicate();
        x.setRequiresGradient(true);
        try (GradientCollector collector =
                Engine.getEngine(ComputeDevice.ENGINE).newGradientCollector()) {
            collector.backward(term.apply(loss.compute(x, photo)));
        }
        double autograd = x.getGradient().mul(direction).sum().getFloat();
        float step = 0.5f;
        double plus =
                term.apply(loss.compute(image.add(direction.mul(step)), photo)).getFloat();
        double minus =
                term.apply(loss.compute(image.sub(direction.mul(step)), photo)).getFloat();
        double finite = (plus - minus) / (2 * step);
        assertThat(autograd)
                .as("derivative along a random direction: autograd against finite difference " + finite)
                .isNotZero()
                .isCloseTo(finite, within(Math.abs(finite) * 0.3));
    }
}
