package dev.atelier.trainer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.sun.net.httpserver.HttpServer;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.Resizing;
import dev.atelier.imaging.TensorImages;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.imaging.ImageArrays;
import dev.atelier.trainer.training.ComputeDevice;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loss networks' features against upstream test vectors and the reference graphs in ONNX Runtime. */
class LossNetworkTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = ComputeDevice.cpu().newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void squeezeNetFromNpyFilesReproducesTheZooTestVectors() throws Exception {
        Path folder = SharedFiles.require("models/loss_networks/squeezenet1.1");
        try (NDManager m = manager.newSubManager();
                SqueezeNet net = SqueezeNet.of(m, WeightFiles.read(folder.resolve("weights_npy"), m), false)) {
            for (int set = 0; set < 3; set++) {
                NDArray input = npy(m, folder.resolve("test_data_set/" + set + "/input_0.npy"));
                NDArray expected = npy(m, folder.resolve("test_data_set/" + set + "/output_0.npy"));
                NDArray logits = net.features(input, List.of("logits")).get("logits");
                float maxDiff = logits.sub(expected.reshape(logits.getShape()))
                        .abs()
                        .max()
                        .getFloat();
                float scale = expected.abs().max().getFloat();
                System.out.printf(
                        "squeezenet test_data_set/%d: max abs diff %.6f on logits up to %.1f%n", set, maxDiff, scale);
                assertThat(scale).isGreaterThan(10f);
                assertThat(maxDiff).isLessThan(2e-3f);
                assertThat(logits.argMax().getLong())
                        .isEqualTo(expected.argMax().getLong());
            }
        }
    }

    @Test
    void squeezeNetFromTheDerivedOnnxMatchesItsFeatureTapsAndClassifiesAPhoto() throws Exception {
        Path onnx = SharedFiles.require("models/loss_networks/squeezenet1.1/squeezenet1.1_features.onnx");
        BufferedImage photo = Resizing.resize(
                ImageDecoder.anySize().read(SharedFiles.require("images/content/chelsea.png")), 224, 224);
        LossNetworkSource source = new LossNetworkSource(
                "squeezenet1.1",
                onnx.toString(),
                "028beb6598bc810eda428ecd47a7b0f58656b049e50924ec48b10043088f68a0",
                null);
        try (NDManager m = manager.newSubManager();
                LossNetwork net = LossNetworks.load(source, m)) {
            NDArray image = ImageArrays.toArray(m, photo);
            Map<String, NDArray> ours = net.features(image, List.of("conv1_relu", "fire5", "fire9", "logits"));
            // Egyptian cat (285), as SOURCES.md reports for the reference graph.
            assertThat(ours.get("logits").argMax().getLong()).isEqualTo(285L);

            float[] normalised = normalise(TensorImages.toTensor(photo).data());
            Map<String, float[]> reference = runOnnx(
                    Files.readAllBytes(onnx),
                    "input",
                    normalised,
                    new long[] {1, 3, 224, 224},
                    List.of("conv1_relu", "fire5", "fire9", "logits"));
            for (String tap : reference.keySet()) {
                float diff = maxAbsDiff(ours.get(tap).toFloatArray(), reference.get(tap));
                System.out.printf("squeezenet %s vs reference graph: max abs diff %.6f%n", tap, diff);
                assertThat(diff).as(tap).isLessThan(2e-3f);
            }
        }
    }

    @Test
    void vggFeaturesMatchTheReferenceGraph() throws Exception {
        Path folder = SharedFiles.require("models/loss_networks/vgg19_normalised_relu3_1");
        BufferedImage photo = Resizing.fitMultipleOf4(
                ImageDecoder.anySize().read(SharedFiles.require("images/content/coffee.png")), 160);
        LossNetworkSource source = new LossNetworkSource(
                "vgg19_normalised_relu3_1",
                folder.resolve("vgg19_normalised_relu3_1.npz").toString(),
                null,
                null);
        try (NDManager m = manager.newSubManager();
                LossNetwork net = LossNetworks.load(source, m)) {
            Map<String, NDArray> ours = net.features(ImageArrays.toArray(m, photo), net.layers());
            float[] input = TensorImages.toTensor(photo).data();
            for (int i = 0; i < input.length; i++) {
                input[i] /= 255f;
            }
            Map<String, float[]> reference = runOnnx(
                    Files.readAllBytes(folder.resolve("vgg19_normalised_relu3_1.onnx")),
                    "input",
                    input,
                    new long[] {1, 3, photo.getHeight(), photo.getWidth()},
                    net.layers());
            for (String layer : net.layers()) {
                float[] expected = reference.get(layer);
                float diff = maxAbsDiff(ours.get(layer).toFloatArray(), expected);
                System.out.printf(
                        "vgg %s vs reference graph: max abs diff %.6f (mean activation %.3f)%n",
                        layer, diff, mean(expected));
                assertThat(mean(expected)).isGreaterThan(0.1f);
                assertThat(diff).as(layer).isLessThan(1e-3f);
            }
        }
    }

    @Test
    void aUrlIsDownloadedOnceAndCheckedAgainstItsSha256(@TempDir Path dataDir) throws Exception {
        Path npz = SharedFiles.require("models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz");
        String sha = "7009211dc7e878c18d089285df9a21d6d01068d1bc030a6c38a7100cffa185c4";
        int[] requests = {0};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/vgg.npz", exchange -> {
            requests[0]++;
            byte[] body = Files.readAllBytes(npz);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/vgg.npz";
            for (int i = 0; i < 2; i++) {
                try (NDManager m = manager.newSubManager();
                        LossNetwork net = LossNetworks.load(
                                new LossNetworkSource("vgg19_normalised_relu3_1", url, sha, dataDir), m)) {
                    assertThat(net.layers()).contains("relu3_1");
                }
            }
            assertThat(requests[0]).isEqualTo(1);

            String wrong = "0".repeat(64);
            assertThatThrownBy(() -> LossNetworks.load(
                            new LossNetworkSource("vgg19_normalised_relu3_1", url, wrong, dataDir), manager))
                    .hasMessageContaining("expected " + wrong);
            assertThat(Files.exists(
                            dataDir.resolve("loss-networks").resolve(wrong).resolve("vgg.npz")))
                    .isFalse();
        } finally {
            server.stop(0);
        }
    }

    private static NDArray npy(NDManager m, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return NDList.decode(m, in).singletonOrThrow();
        }
    }

    private static float[] normalise(float[] chw) {
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        int plane = chw.length / 3;
        float[] out = new float[chw.length];
        for (int i = 0; i < chw.length; i++) {
            int c = i / plane;
            out[i] = (chw[i] / 255f - mean[c]) / std[c];
        }
        return out;
    }

    static Map<String, float[]> runOnnx(byte[] model, String input, float[] data, long[] shape, List<String> outputs)
            throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model);
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor), new java.util.HashSet<>(outputs))) {
            Map<String, float[]> out = new java.util.LinkedHashMap<>();
            for (String name : outputs) {
                FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                out.put(name, values);
            }
            return out;
        }
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static float mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return (float) (sum / values.length);
    }
}
