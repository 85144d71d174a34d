package dev.atelier.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.loss.LossNetwork;
import dev.atelier.trainer.loss.LossNetworkSource;
import dev.atelier.trainer.loss.LossNetworks;
import dev.atelier.trainer.network.NetworkWeights;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.training.ComputeDevice;
import dev.atelier.trainer.training.QualityGate;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality gate's default bounds against real networks: a decent model (the pretrained udnie network of width 8,
 * trained by others in PyTorch for 2 epochs of COCO) passes under both judges, and an untrained network of the same
 * shape, or the photos left as they are, fail. Judged at 256 px, the smallest size the bounds are meant for (they were
 * set at 384 px; at 128 px even this model nears them).
 */
class QualityGateCalibrationTest {
    private static final int SIDE = 256;

    @Test
    void aPretrainedModelPassesTheDefaultGateAndAnUntrainedOneFails() throws Exception {
        Path weights = SharedFiles.require("models/fast_neural_style/pytorch_nc8/udnie_nc8.npz");
        BufferedImage style = ImageArrays.read(SharedFiles.require("images/style/udnie.jpg"));
        ContentPhotos photos = ContentPhotos.of(List.of(style),
                List.of(ImageArrays.read(SharedFiles.require("images/content/chelsea.png")),
                        ImageArrays.read(SharedFiles.require("images/content/coffee.png"))), 64, SIDE);
        EngineSettings settings = new EngineSettings(null, null, Path.of("target"), 1e-3f, QualityGate.Bounds.DEFAULTS, SIDE);
        try (NDManager manager = ComputeDevice.cpu().newManager();
                LossNetwork squeezeNet = LossNetworks.load(new LossNetworkSource("squeezenet1.1",
                        SharedFiles.require("models/loss_networks/squeezenet1.1/weights_npy").toString(), null, null), manager);
                LossNetwork vgg = LossNetworks.load(new LossNetworkSource("vgg19_normalised_relu3_1", SharedFiles.require(
                        "models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz").toString(), null, null), manager)) {
            TransformerNet pretrained = TransformerNet.fromWeights(NetworkWeights.readNpz(weights, manager), manager);
            List<QualityGate.JudgeFigures> figures = ModelReview.measure(pretrained, 1L, List.of(squeezeNet, vgg), style, photos, settings);
            QualityGate gate = new QualityGate(QualityGate.Bounds.DEFAULTS);

            QualityGate.Verdict decent = gate.judge(figures);
            System.out.println("pretrained udnie: " + decent.description());
            assertThat(decent.passed()).as(decent.description()).isTrue();

            QualityGate.Verdict untrained = gate.judge(figures.stream()
                    .map(f -> new QualityGate.JudgeFigures(f.untrained(), f.untrained(), f.photos())).toList());
            System.out.println("untrained: " + untrained.description());
            assertThat(untrained.passed()).as(untrained.description()).isFalse();

            QualityGate.Verdict unchanged = gate.judge(figures.stream()
                    .map(f -> new QualityGate.JudgeFigures(f.photos(), f.untrained(), f.photos())).toList());
            assertThat(unchanged.passed()).as(unchanged.description()).isFalse();
        }
    }
}
