import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.cli.demo.DemoClient;
import dev.atelier.cli.models.ModelRegistration;
import dev.atelier.cli.services.AtelierSystem;
import dev.atelier.cli.services.SystemLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What the pipeline adds to a model's own time: N calls of {@code POST /v1/stylize?wait=30} through the whole local
 * system (gateway, Kafka, S3, worker as processes), one at a time, against the same model run directly in ONNX Runtime
 * on the same image in this process, in one run. Prints the medians, their ratio and where a job's time went (from its
 * record's timestamps). A command that prints figures.
 *
 *   bench/overhead.sh [--size 512] [--calls 20] [--warmup 10] [--style udnie] [--format png]
 */
public final class Overhead {
    public static void main(String[] args) throws Exception {
        int size = 512;
        int calls = 20;
        String style = "udnie";
        String format = "png";
        int warmup = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--style" -> style = args[++i];
                case "--format" -> format = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path home = Path.of("").toAbsolutePath();
        Path model = home.resolve("models/starter/" + style + "/" + style + ".onnx");
        BufferedImage photo = square(ImageIO.read(home.resolve("samples/astronaut.jpg").toFile()), size);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);

        List<Double> raw = new ArrayList<>();
        Path data = Files.createTempDirectory("atelier-overhead");
        try (RawModel rawModel = new RawModel(model, photo);
                AtelierSystem system = AtelierSystem.start(SystemLayout.onFreePorts(home, data), System.out, Map.of())) {
            try (ModelRegistration registration = ModelRegistration.connect(system.stack(), System.out)) {
                registration.register(model, style, style);
            }
            try (DemoClient demo = new DemoClient(system.gatewayUrl(), system.demoKey())) {
                demo.awaitStyle(style, Duration.ofSeconds(60));
                HttpClient http = HttpClient.newHttpClient();
                ObjectMapper json = new ObjectMapper();
                List<double[]> samples = new ArrayList<>(); // total, queued, worker, inference, after
                for (int i = 0; i < calls + warmup; i++) {
                    // The model alone, just before each call: under the same background (the system's idle services).
                    double rawMillis = rawModel.time();
                    long start = System.nanoTime();
                    Instant sent = Instant.now();
                    HttpResponse<byte[]> response = http.send(stylize(system.gatewayUrl(), system.demoKey(), style, format,
                            jpeg.toByteArray()), HttpResponse.BodyHandlers.ofByteArray());
                    double total = (System.nanoTime() - start) / 1e6;
                    Instant received = Instant.now();
                    if (response.statusCode() != 200) {
                        throw new IOException("POST /v1/stylize answered " + response.statusCode() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    JsonNode job = demo.job(response.headers().firstValue("Atelier-Job-Id").orElseThrow());
                    if (i < warmup) {
                        continue; // warm-up: model load, JIT (a few calls leave Kafka and S3 clients interpreted), connections
                    }
                    raw.add(rawMillis);
                    Instant created = Instant.parse(job.path("createdAt").asText());
                    Instant started = Instant.parse(job.path("startedAt").asText());
                    Instant finished = Instant.parse(job.path("finishedAt").asText());
                    JsonNode t = job.path("timings");
                    samples.add(new double[] {total, millis(created, started), millis(started, finished),
                            t.path("inference").asDouble(Double.NaN), millis(finished, received), millis(sent, created),
                            t.path("decode").asDouble(Double.NaN), t.path("encode").asDouble(Double.NaN),
                            t.path("store").asDouble(Double.NaN)});
                }
                double rawMedian = median(raw.stream().mapToDouble(Double::doubleValue).toArray());
                double totalMedian = median(samples.stream().mapToDouble(s -> s[0]).toArray());
                System.out.printf("%dx%d %s, %s, %d calls one at a time:%n", size, size, style, format, calls);
                System.out.printf("  raw ONNX Runtime (this process, same threads as a worker's default, one run before each call): median %.1f ms%n", rawMedian);
                System.out.printf("  POST /v1/stylize?wait=30 end to end: median %.1f ms, p90 %.1f ms%n", totalMedian,
                        percentile(samples.stream().mapToDouble(s -> s[0]).toArray(), 0.9));
                System.out.printf("  ratio %.2f, added %.1f ms (p50)%n", totalMedian / rawMedian, totalMedian - rawMedian);
                System.out.printf("  medians: request to record %.1f ms, record to worker start %.1f ms, worker %.1f ms,"
                        + " worker end to response %.1f ms%n", median(col(samples, 5)), median(col(samples, 1)),
                        median(col(samples, 2)), median(col(samples, 4)));
                System.out.printf("  in the worker (job timings): decode %.0f ms, inference %.0f ms, encode %.0f ms, store %.0f ms%n",
                        median(col(samples, 6)), median(col(samples, 3)), median(col(samples, 7)), median(col(samples, 8)));
            }
        }
    }

    private static double[] col(List<double[]> samples, int i) {
        return samples.stream().mapToDouble(s -> s[i]).toArray();
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static HttpRequest stylize(String gateway, String key, String style, String format, byte[] jpeg) {
        String boundary = "atelier-bench-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"style\"\r\n\r\n" + style + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"outputFormat\"\r\n\r\n" + format + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(gateway + "/v1/stylize?wait=30"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** The model alone: one image, NCHW RGB 0..255, ONNX Runtime with all optimisations, as the worker runs it. */
    private static final class RawModel implements AutoCloseable {
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        private final OrtSession session;
        private final float[] data;
        private final long[] shape;

        RawModel(Path model, BufferedImage photo) throws Exception {
            int w = photo.getWidth();
            int h = photo.getHeight();
            data = new float[3 * w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = photo.getRGB(x, y);
                    data[y * w + x] = (rgb >> 16) & 0xff;
                    data[w * h + y * w + x] = (rgb >> 8) & 0xff;
                    data[2 * w * h + y * w + x] = rgb & 0xff;
                }
            }
            shape = new long[] {1, 3, h, w};
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(model.toString(), options);
        }

        /** Milliseconds of one run. */
        double time() throws Exception {
            long start = System.nanoTime();
            try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                    OrtSession.Result result = session.run(Map.of("input1", input))) {
                return (System.nanoTime() - start) / 1e6;
            }
        }

        @Override
        public void close() throws Exception {
            session.close();
            options.close();
        }
    }

    private static BufferedImage square(BufferedImage image, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(image, 0, 0, size, size, null);
        return out;
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1) + 0.5))];
    }

}
