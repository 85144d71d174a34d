import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.cli.demo.DemoClient;
import dev.atelier.cli.models.ModelRegistration;
import dev.atelier.cli.services.AtelierSystem;
import dev.atelier.cli.services.ServiceProcess;
import dev.atelier.cli.services.SystemLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Throughput with one worker and with two, in one run through the whole local system: each worker pinned to a core of
 * its own (taskset) with one ONNX Runtime thread, the gateway, Kafka and S3 free to run anywhere. A burst of jobs is
 * submitted at once through {@code POST /v1/jobs}; jobs/s is the burst's size over the time from its first job's
 * creation to its last job's end (from the records). Also printed: how busy the workers were inferring, and how the
 * burst fell to the workers (Kafka hands each worker whole partitions, and a job's partition follows its key).
 * A command that prints figures.
 *
 *   bench/scale-out.sh [--size 256] [--jobs 24] [--style udnie] [--cores 0,1] [--concurrent-jobs 2] [--batch-size 1]
 *
 * {@code --concurrent-jobs} is the workers' {@code atelier.worker.concurrent-jobs}: run it with 1 and with the default
 * to see what one job's I/O overlapping another's inference gives. {@code --batch-size} is their
 * {@code atelier.worker.batch-size}: with 4 jobs at once, compare 1 (no batching) with 4.
 */
public final class ScaleOut {
    public static void main(String[] args) throws Exception {
        int size = 256;
        int jobs = 24;
        String style = "udnie";
        String[] cores = {"0", "1"};
        String concurrentJobs = "2";
        String batchSize = "1";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--style" -> style = args[++i];
                case "--cores" -> cores = args[++i].split(",");
                case "--concurrent-jobs" -> concurrentJobs = args[++i];
                case "--batch-size" -> batchSize = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (cores.length != 2) {
            throw new IllegalArgumentException("--cores names two cores, one per worker");
        }
        Path home = Path.of("").toAbsolutePath();
        Path model = home.resolve("models/starter/" + style + "/" + style + ".onnx");
        Path data = Files.createTempDirectory("atelier-scale-out");
        Path photo = data.resolve("photo.jpg");
        BufferedImage source = ImageIO.read(home.resolve("samples/astronaut.jpg").toFile());
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        square.createGraphics().drawImage(source, 0, 0, size, size, null);
        ImageIO.write(square, "jpeg", photo.toFile());

        Map<String, Map<String, String>> config = Map.of(
                AtelierSystem.WORKER,
                Map.of(
                        "atelier.worker.intra-op-threads", "1",
                        "atelier.worker.concurrent-jobs", concurrentJobs,
                        "atelier.worker.batch-size", batchSize),
                // A burst is many jobs in flight at once: the demo tenant's quota must not refuse it.
                AtelierSystem.GATEWAY, Map.of(
                        "atelier.gateway.quota.jobs-in-flight", "100000", "atelier.gateway.quota.requests-per-second", "1000"));
        SystemLayout layout = SystemLayout.onFreePorts(home, data);
        try (AtelierSystem system = AtelierSystem.start(layout, System.out, config)) {
            try (ModelRegistration registration = ModelRegistration.connect(system.stack(), System.out)) {
                registration.register(model, style, style);
            }
            ServiceProcess first = system.service(AtelierSystem.WORKER);
            pin(first, cores[0]);
            try (DemoClient demo = new DemoClient(system.gatewayUrl(), system.demoKey())) {
                demo.awaitStyle(style, Duration.ofSeconds(60));
                List<ServiceProcess> workers = new ArrayList<>(List.of(first));
                burst(demo, photo, style, 4, workers); // warm-up: model load, JIT, connections
                Burst one = burst(demo, photo, style, jobs, workers);

                ServiceProcess second = system.startAnotherWorker(layout, freePort(), data.resolve("worker-2-logs"), config);
                pin(second, cores[1]);
                workers.add(second);
                // Until the group has rebalanced and the new worker has run jobs (its model loaded, its code warm).
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                while (succeeded(second) < 4) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the second worker ran no job within 3 minutes");
                    }
                    burst(demo, photo, style, 4, workers);
                }
                Burst two = burst(demo, photo, style, jobs, workers);

                System.out.printf("%dx%d %s, bursts of %d jobs, each worker on one core (%s) with one ONNX Runtime thread"
                                + ", %s jobs at once, batches of up to %s:%n",
                        size, size, style, jobs, String.join(" and ", cores), concurrentJobs, batchSize);
                one.print("one worker ");
                two.print("two workers");
                System.out.printf("  scale-out: %.2fx the jobs/s of one worker%n", two.jobsPerSecond() / one.jobsPerSecond());
                System.out.printf("  (%d cores on this machine; the gateway, Kafka and S3 share them with the workers)%n",
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }

    /** One burst's figures: jobs/s, the workers' share of the time spent inferring, and who ran how many. */
    private record Burst(int jobs, double seconds, double inferenceSeconds, int workers, List<Long> perWorker) {
        double jobsPerSecond() {
            return jobs / seconds;
        }

        void print(String label) {
            System.out.printf("  %s: %.2f jobs/s (%d jobs in %.1f s), inferring %.0f %% of the workers' time, jobs per worker %s%n",
                    label, jobsPerSecond(), jobs, seconds, 100 * inferenceSeconds / (seconds * workers), perWorker);
        }
    }

    private static Burst burst(DemoClient demo, Path photo, String style, int jobs, List<ServiceProcess> workers)
            throws Exception {
        long[] before = workers.stream().mapToLong(ScaleOut::succeeded).toArray();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(demo.submit(photo, style, "png"));
        }
        Instant first = null;
        Instant last = null;
        double inference = 0;
        for (String id : ids) {
            JsonNode job = demo.awaitFinal(id, Duration.ofMinutes(5));
            if (!job.path("status").asText().equals("SUCCEEDED")) {
                throw new IllegalStateException("job " + id + " ended " + job.path("status").asText() + ": " + job);
            }
            Instant created = Instant.parse(job.path("createdAt").asText());
            Instant finished = Instant.parse(job.path("finishedAt").asText());
            first = first == null || created.isBefore(first) ? created : first;
            last = last == null || finished.isAfter(last) ? finished : last;
            inference += job.path("timings").path("inference").asDouble() / 1000;
        }
        List<Long> perWorker = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            perWorker.add(succeeded(workers.get(i)) - before[i]);
        }
        return new Burst(jobs, Duration.between(first, last).toNanos() / 1e9, inference, workers.size(), perWorker);
    }

    /** Jobs the worker has finished with success, from its metrics. */
    private static long succeeded(ServiceProcess worker) {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(worker.baseUrl() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return (long) metrics.body().lines()
                    .filter(l -> l.startsWith("atelier_jobs_total{") && l.contains("outcome=\"succeeded\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the metrics of " + worker.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All of the process's threads, and those it starts later, on that core. */
    private static void pin(ServiceProcess worker, String core) throws Exception {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", core, Long.toString(worker.pid()))
                .redirectErrorStream(true)
                .start();
        String output = new String(taskset.getInputStream().readAllBytes());
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
