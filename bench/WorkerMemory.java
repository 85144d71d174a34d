import dev.atelier.cli.demo.DemoClient;
import dev.atelier.cli.models.ModelRegistration;
import dev.atelier.cli.services.AtelierSystem;
import dev.atelier.cli.services.ServiceProcess;
import dev.atelier.cli.services.SystemLayout;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The worker's peak resident memory on one large photo, through the whole system as {@code ./atelier up} runs it
 * (gateway, Kafka, S3, the worker process): makes a photo of N megapixels from a real one, submits it, waits for
 * SUCCEEDED, and prints the worker's peak RSS (VmHWM) against its memory budget. A command that prints figures.
 *
 *   bench/worker-memory.sh [--megapixels 40] [--budget 2560M] [--style udnie]
 */
public final class WorkerMemory {
    public static void main(String[] args) throws Exception {
        double megapixels = 40;
        String budget = "2560M";
        String style = "udnie";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--megapixels" -> megapixels = Double.parseDouble(args[++i]);
                case "--budget" -> budget = args[++i];
                case "--style" -> style = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path home = Path.of("").toAbsolutePath();
        Path data = Files.createTempDirectory("atelier-worker-memory");
        Path source = Files.isRegularFile(Path.of("../shared/images/content/tubingen.jpg"))
                ? Path.of("../shared/images/content/tubingen.jpg") : home.resolve("samples/astronaut.jpg");
        Path photo = data.resolve("large.jpg");
        int[] size = enlarge(source, photo, megapixels);
        try (AtelierSystem system = AtelierSystem.start(SystemLayout.onFreePorts(home, data), System.out, Map.of(AtelierSystem.WORKER, Map.of("atelier.worker.memory-budget", budget)))) {
            try (ModelRegistration registration = ModelRegistration.connect(system.stack(), System.out)) {
                registration.register(home.resolve("models/starter/" + style + "/" + style + ".onnx"), style, style);
            }
            ServiceProcess worker = system.service(AtelierSystem.WORKER);
            long before = kib(worker.pid(), "VmHWM");
            try (DemoClient client = new DemoClient(system.gatewayUrl(), system.demoKey())) {
                client.awaitStyle(style, Duration.ofSeconds(60));
                long start = System.nanoTime();
                String job = client.submit(photo, style, "jpeg");
                JsonNode record = client.awaitFinal(job, Duration.ofMinutes(20));
                double seconds = (System.nanoTime() - start) / 1e9;
                long hwm = kib(worker.pid(), "VmHWM");
                if (record.path("status").asText().equals("SUCCEEDED")) {
                    Files.write(data.resolve("result.jpg"), client.result(job));
                    System.out.println("result: " + data.resolve("result.jpg") + " (photo: " + photo + ")");
                }
                System.out.printf("%.1f MP (%dx%d, %s): %s in %.0f s; worker peak RSS %.2f GiB (%.2f GiB before the job),"
                        + " budget %s, heap max %s%n", size[0] * (double) size[1] / 1e6, size[0], size[1], style,
                        record.path("status").asText() + (record.has("error") ? " " + record.path("error") : ""), seconds,
                        hwm / 1048576.0, before / 1048576.0, budget, AtelierSystem.WORKER_HEAP);
            }
        }
    }

    /** A photo of about {@code megapixels}, scaled up from a real one (so it has a photo's structure, if not its detail). */
    private static int[] enlarge(Path source, Path target, double megapixels) throws IOException {
        BufferedImage image = ImageIO.read(source.toFile());
        double scale = Math.sqrt(megapixels * 1e6 / ((double) image.getWidth() * image.getHeight()));
        int width = (int) Math.round(image.getWidth() * scale);
        int height = (int) Math.round(image.getHeight() * scale);
        BufferedImage large = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        ImageIO.write(large, "jpeg", target.toFile());
        return new int[] {width, height};
    }

    private static long kib(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException(field + " not in /proc/" + pid + "/status");
    }

}
