import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.cli.demo.DemoClient;
import dev.atelier.cli.models.ModelRegistration;
import dev.atelier.cli.services.AtelierSystem;
import dev.atelier.cli.services.SystemLayout;
import dev.atelier.local.LocalStack;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Faults under load, through the whole local system as {@code ./atelier up} runs it (services supervised, so a
 * killed one is started again): a steady stream of jobs, and in turn the worker killed (SIGKILL), the gateway killed,
 * the Kafka broker killed and started again on its data, the S3 server stopped for a while and started again. Then
 * every job the gateway accepted (202) is looked up. The last line:
 * {@code accepted N, succeeded N, failed N, lost N, stuck N, p99 latency X s}; a failed job counts only with a
 * reason a client can read (lost: accepted but not found; stuck: not final within the bound after the faults).
 *
 *   bench/faults.sh [--phase 30] [--interval 1.0] [--s3-outage 20] [--settle 180]
 */
public final class Faults {
    public static void main(String[] args) throws Exception {
        int phase = 30;
        double interval = 1.0;
        int s3Outage = 20;
        int settle = 180;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--phase" -> phase = Integer.parseInt(args[++i]);
                case "--interval" -> interval = Double.parseDouble(args[++i]);
                case "--s3-outage" -> s3Outage = Integer.parseInt(args[++i]);
                case "--settle" -> settle = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path home = Path.of("").toAbsolutePath();
        Path data = Files.createTempDirectory("atelier-faults");
        Path photo = data.resolve("photo.jpg");
        BufferedImage small = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(ImageIO.read(home.resolve("samples/astronaut.jpg").toFile()), 0, 0, 192, 192, null);
        ImageIO.write(small, "jpeg", photo.toFile());
        // The tenant may have every job of the run in flight: refusals by quota would hide what the faults do.
        Map<String, Map<String, String>> config = Map.of(AtelierSystem.GATEWAY, Map.of(
                "atelier.gateway.quota.jobs-in-flight", "100000", "atelier.gateway.quota.requests-per-second", "1000"));
        try (AtelierSystem system = AtelierSystem.start(SystemLayout.onFreePorts(home, data), System.out, config)) {
            try (ModelRegistration registration = ModelRegistration.connect(system.stack(), System.out)) {
                registration.register(home.resolve("models/starter/udnie/udnie.onnx"), "udnie", "udnie");
            }
            system.supervise(System.out);
            LocalStack stack = (LocalStack) system.stack();
            Map<String, Instant> accepted = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean loading = new AtomicBoolean(true);
            try (DemoClient client = new DemoClient(system.gatewayUrl(), system.demoKey())) {
                client.awaitStyle("udnie", Duration.ofSeconds(60));
                long pause = (long) (interval * 1000);
                Thread load = new Thread(() -> {
                    while (loading.get()) {
                        Instant at = Instant.now();
                        try {
                            accepted.put(client.submit(photo, "udnie", "jpeg"), at);
                        } catch (Exception e) {
                            refused.incrementAndGet(); // not accepted: the client was told so (5xx, or no answer)
                        }
                        sleep(pause);
                    }
                }, "faults-load");
                load.start();

                step(phase, "worker killed (SIGKILL)");
                system.service(AtelierSystem.WORKER).kill();
                step(phase, "gateway killed (SIGKILL)");
                system.service(AtelierSystem.GATEWAY).kill();
                step(phase, "Kafka broker killed (SIGKILL), started again on its data after 5 s");
                stack.kafka().kill();
                sleep(5000);
                stack.kafka().start();
                step(phase, "S3 server stopped for " + s3Outage + " s");
                stack.s3().stop();
                sleep(s3Outage * 1000L);
                stack.s3().start();
                step(phase, "load stops; waiting for every accepted job to end (at most " + settle + " s)");
                loading.set(false);
                load.join();

                Instant bound = Instant.now().plusSeconds(settle);
                List<String> open = new ArrayList<>(accepted.keySet());
                Map<String, JsonNode> records = new ConcurrentHashMap<>();
                while (!open.isEmpty() && Instant.now().isBefore(bound)) {
                    for (String id : List.copyOf(open)) {
                        JsonNode job = lookUp(client, id);
                        if (job != null && isFinal(job)) {
                            records.put(id, job);
                            open.remove(id);
                        }
                    }
                    if (!open.isEmpty()) {
                        sleep(2000);
                    }
                }
                int succeeded = 0;
                int failed = 0;
                int lost = 0;
                int stuck = 0;
                List<Double> latencies = new ArrayList<>();
                Map<String, Integer> reasons = new java.util.TreeMap<>();
                for (String id : accepted.keySet()) {
                    JsonNode job = records.containsKey(id) ? records.get(id) : lookUp(client, id);
                    if (job == null) {
                        lost++;
                        System.out.println("  lost: " + id);
                        continue;
                    }
                    String status = job.path("status").asText();
                    if (!isFinal(job)) {
                        stuck++;
                        System.out.println("  stuck: " + id + " " + status);
                        continue;
                    }
                    if (status.equals("SUCCEEDED")) {
                        succeeded++;
                    } else if (!job.path("error").path("code").asText().isEmpty()) {
                        failed++;
                        reasons.merge(status + " " + job.path("error").path("code").asText(), 1, Integer::sum);
                    } else {
                        lost++; // final without a reason a client can read
                        System.out.println("  ended without a reason: " + id + " " + status);
                    }
                    if (job.hasNonNull("finishedAt")) {
                        latencies.add(Duration.between(accepted.get(id), Instant.parse(job.path("finishedAt").asText()))
                                .toMillis() / 1000.0);
                    }
                }
                Collections.sort(latencies);
                double p99 = latencies.isEmpty() ? Double.NaN
                        : latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(0.99 * latencies.size()) - 1));
                System.out.println("refused (not accepted, the client was told): " + refused.get()
                        + (reasons.isEmpty() ? "" : "; failed: " + reasons));
                System.out.printf("accepted %d, succeeded %d, failed %d, lost %d, stuck %d, p99 latency %.1f s%n",
                        accepted.size(), succeeded, failed, lost, stuck, p99);
                if (lost > 0 || stuck > 0) {
                    System.exit(1);
                }
            }
        }
    }

    private static void step(int seconds, String what) {
        sleep(seconds * 1000L);
        System.out.printf("[%s] %s%n", Instant.now(), what);
    }

    /** The job's record, or null when the gateway answers that there is no such job; retried while it is unreachable. */
    private static JsonNode lookUp(DemoClient client, String id) {
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                JsonNode job = client.job(id);
                if (job.path("type").asText().endsWith(":job-not-found")) {
                    return null;
                }
                if (job.hasNonNull("status")) {
                    return job;
                }
            } catch (Exception e) {
                // the gateway is restarting: ask again
            }
            sleep(1000);
        }
        throw new IllegalStateException("the gateway did not answer for job " + id);
    }

    private static boolean isFinal(JsonNode job) {
        String status = job.path("status").asText();
        return !status.equals("QUEUED") && !status.equals("RUNNING");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
