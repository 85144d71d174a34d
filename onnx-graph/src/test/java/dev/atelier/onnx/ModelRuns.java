package dev.atelier.onnx;

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
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/** The style models and the photo these tests run, and one way to run a model in ONNX Runtime on the CPU. */
final class ModelRuns {
    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    static final Path HOME = Path.of(System.getProperty("atelier.home", ".."));
    static final Path SHARED = Path.of(System.getProperty("atelier.shared.dir", "../../shared"));

    private ModelRuns() {}

    /**
     * A model named {@code home:PATH} (in this repository) or {@code shared:PATH} (in ../shared); the test is skipped,
     * saying so, when the file is absent.
     */
    static byte[] model(String name) throws IOException {
        Path file = (name.startsWith("home:") ? HOME : SHARED).resolve(name.substring(name.indexOf(':') + 1));
        assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is absent");
        return Files.readAllBytes(file);
    }

    /** The repository's sample photo at a small size, as NCHW RGB 0..255. */
    static float[] photo(int width, int height) throws IOException {
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

    /**
     * Runs the model once. The input named {@code image} takes {@code imageShape}; any other is a per-channel
     * statistic, {@code [1, C, 1, 1]}.
     */
    static Map<String, float[]> run(
            byte[] model, Map<String, float[]> inputs, String image, long[] imageShape, String... outputs)
            throws OrtException {
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = ENV.createSession(model, options)) {
            for (Map.Entry<String, float[]> input : inputs.entrySet()) {
                float[] values = input.getValue();
                long[] shape = input.getKey().equals(image) ? imageShape : new long[] {1, values.length, 1, 1};
                tensors.put(input.getKey(), OnnxTensor.createTensor(ENV, FloatBuffer.wrap(values), shape));
            }
            try (OrtSession.Result result = session.run(tensors, Set.of(outputs))) {
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
