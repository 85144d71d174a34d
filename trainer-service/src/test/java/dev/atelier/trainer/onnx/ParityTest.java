package dev.atelier.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import dev.atelier.onnx.proto.Onnx.ModelProto;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.network.NetworkWeights;
import dev.atelier.trainer.network.TransformerNet;
import dev.atelier.trainer.training.ComputeDevice;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parity gates (a) and (b): published weights loaded into the DJL graph match the reference ONNX export in
 * ONNX Runtime, and the trainer's own export of the same weights matches the DJL graph, on a real photo.
 */
class ParityTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"pytorch_nc16/candy_nc16, chicago.jpg", "pytorch_nc8/mosaic_nc8, chelsea.png"})
    void djlGraphMatchesTheReferenceAndTheOwnExportMatchesDjl(String model, String photo) throws Exception {
        Path npz = SharedFiles.require("models/fast_neural_style/" + model + ".npz");
        Path reference = SharedFiles.require("models/fast_neural_style/" + model + ".onnx");
        BufferedImage image = Resizing.fitMultipleOf4(
                ImageDecoder.anySize().read(SharedFiles.require("images/content/" + photo)), 320);
        float[] input = TensorImages.toTensor(image).data();
        long[] shape = {1, 3, image.getHeight(), image.getWidth()};

        try (NDManager manager = ComputeDevice.cpu().newManager()) {
            Map<String, NDArray> weights = NetworkWeights.readNpz(npz, manager);
            TransformerNet net = TransformerNet.fromWeights(weights, manager);
            float[] djl = ParityGate.runDjl(net, input, shape);

            float[] expected;
            try (OnnxRunner runner = new OnnxRunner(Files.readAllBytes(reference), "input1", "output1")) {
                expected = runner.run(input, shape);
            }
            ParityReport a = ParityGate.compare(shape, expected, djl, ParityGate.DEFAULT_BOUND);
            System.out.println(model + " (a) reference ONNX vs DJL: " + a.describe());
            assertThat(a.maxAbsDiff()).as(a.describe()).isLessThanOrEqualTo(ParityGate.DEFAULT_BOUND);
            // A styled photo, not a constant: the comparison means something.
            assertThat(spread(djl)).isGreaterThan(50f);

            byte[] export = new OnnxExporter("test").export(net, Map.of("source", model));
            ModelProto parsed = ModelProto.parseFrom(export);
            assertThat(parsed.getOpsetImport(0).getVersion()).isGreaterThanOrEqualTo(13);
            assertThat(parsed.getGraph().getInput(0).getName()).isEqualTo("input1");
            assertThat(parsed.getGraph().getOutput(0).getName()).isEqualTo("output1");

            ParityReport b = new ParityGate().check(net, export, image);
            System.out.println(model + " (b) own export vs DJL: " + b.describe());
            assertThat(b.passed()).as(b.describe()).isTrue();
        }
    }

    private static float spread(float[] values) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }
}
