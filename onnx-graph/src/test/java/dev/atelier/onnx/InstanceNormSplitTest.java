package dev.atelier.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceNormSplitTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final Path HOME = Path.of(System.getProperty("atelier.home", ".."));
    private static final Path SHARED = Path.of(System.getProperty("atelier.shared.dir", "../../shared"));

    /**
     * Fed the photo's own statistics, the tile model is the original model: the split changes where the statistics
     * come from, nothing else. Our trainer's export (opset 17) and pytorch/examples' (opset 9, from ../shared).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "home:models/starter/udnie/udnie.onnx",
                "shared:models/fast_neural_style/pytorch_nc16/candy_nc16.onnx"
            })
    void theTileModelFedThePhotosOwnStatisticsGivesTheOriginalsResult(String model) throws Exception {
        Path file = (model.startsWith("home:") ? HOME : SHARED).resolve(model.substring(model.indexOf(':') + 1));
        assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is absent");
        byte[] onnx = Files.readAllBytes(file);
        InstanceNormSplit.Split split =
                InstanceNormSplit.of(OnnxModels.parse(onnx)).orElseThrow();
        assertThat(split.statistics())
                .as("the normalisations of TransformerNet")
                .hasSize(15);
        float[] photo = photo(96, 72);
        long[] shape = {1, 3, 72, 96};

        float[] original = run(onnx, Map.of("input1", photo), shape, "output1").get("output1");
        List<String> statisticNames = split.statistics().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.mean(), s.variance()))
                .toList();
        Map<String, float[]> statistics =
                run(split.statisticsModel(), Map.of("input1", photo), shape, statisticNames.toArray(String[]::new));
        Map<String, float[]> tileInputs = new HashMap<>(statistics);
        tileInputs.put("input1", photo);
        float[] tiled = run(split.tileModel(), tileInputs, shape, "output1").get("output1");

        assertThat(tiled).hasSameSizeAs(original);
        float worst = 0;
        for (int i = 0; i < original.length; i++) {
            worst = Math.max(worst, Math.abs(original[i] - tiled[i]));
        }
        assertThat(worst).as("largest difference, on a 0..255 scale").isLessThan(0.05f);
    }

    @Test
    void aModelWithoutInstanceNormalisationHasNothingToSplit() throws Exception {
        Path fixed = SHARED.resolve("models/vangogh_fast_style");
        assumeTrue(Files.isDirectory(fixed), "skipped: " + fixed + " is absent");
        Optional<Path> any;
        try (var files = Files.list(fixed)) {
            any = files.filter(p -> p.toString().endsWith(".onnx")).findFirst();
        }
        assumeTrue(any.isPresent(), "skipped: no model in " + fixed);
        byte[] onnx = Files.readAllBytes(any.get());
        boolean hasInstanceNorm =
                new String(onnx, java.nio.charset.StandardCharsets.ISO_8859_1).contains("InstanceNormalization");
        assertThat(InstanceNormSplit.of(OnnxModels.parse(onnx)).isPresent()).isEqualTo(hasInstanceNorm);
    }

    @Test
    void bytesThatAreNoModelAreRefused() {
        assertThatThrownBy(() -> OnnxModels.parse(new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an ONNX model");
    }

    @Test
    void theActivationWidthIsThatOfTheFirstAndLastConvolutions() throws Exception {
        byte[] udnie = Files.readAllBytes(HOME.resolve("models/starter/udnie/udnie.onnx"));
        assertThat(ActivationWidth.of(OnnxModels.parse(udnie))).hasValue(16);
        Path nc8 = SHARED.resolve("models/fast_neural_style/pytorch_nc8/candy_nc8.onnx");
        if (Files.isRegularFile(nc8)) {
            assertThat(ActivationWidth.of(OnnxModels.parse(Files.readAllBytes(nc8))))
                    .hasValue(8);
        }
    }

    /** The repository's sample photo at a small size, as NCHW RGB 0..255. */
    private static float[] photo(int width, int height) throws IOException {
        BufferedImage source =
                ImageIO.read(HOME.resolve("samples/astronaut.jpg").toFile());
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(source, 0, 0, width, height, null);
        float[] data = new float[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = small.getRGB(x, y);
                data[y * width + x] = (rgb >> 16) & 0xff;
                data[width * height + y * width + x] = (rgb >> 8) & 0xff;
                data[2 * width * height + y * width + x] = rgb & 0xff;
            }
        }
        return data;
    }

    private static Map<String, float[]> run(
            byte[] model, Map<String, float[]> inputs, long[] imageShape, String... outputs) throws OrtException {
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = ENV.createSession(model, options)) {
            for (Map.Entry<String, float[]> input : inputs.entrySet()) {
                float[] values = input.getValue();
                long[] shape = input.getKey().equals("input1") ? imageShape : new long[] {1, values.length, 1, 1};
                tensors.put(input.getKey(), OnnxTensor.createTensor(ENV, FloatBuffer.wrap(values), shape));
            }
            try (OrtSession.Result result = session.run(tensors, java.util.Set.of(outputs))) {
                Map<String, float[]> values = new HashMap<>();
                for (String output : outputs) {
                    FloatBuffer buffer = ((OnnxTensor) result.get(output).orElseThrow()).getFloatBuffer();
                    float[] copy = new float[buffer.remaining()];
                    buffer.get(copy);
                    values.put(output, copy);
                }
                return values;
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }
}
