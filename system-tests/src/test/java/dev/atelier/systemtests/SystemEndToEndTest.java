package dev.atelier.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.cli.demo.DemoClient;
import dev.atelier.cli.models.ModelRegistration;
import dev.atelier.cli.services.AtelierSystem;
import dev.atelier.cli.services.ServiceProcess;
import dev.atelier.cli.services.SystemLayout;
import dev.atelier.contracts.models.ModelManifest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three services as separate processes, on the real Kafka broker and S3 server of deploy/local, exactly as
 * {@code ./atelier up} runs them: a photo goes in through the HTTP API and comes out stylized, and a worker
 * killed with SIGKILL in the middle of the work loses no accepted job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemEndToEndTest {
    private static final String STYLE = "candy";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path dataDir;

    private static Path photo;
    private static AtelierSystem system;
    private static DemoClient client;

    @BeforeAll
    static void startSystem() throws Exception {
        Path shared = Path.of(System.getProperty("atelier.shared.dir", "../shared"));
        Path model = shared.resolve("models/fast_neural_style/pytorch_nc8/candy_nc8.onnx");
        photo = shared.resolve("images/content/chicago.jpg");
        assumeTrue(Files.isRegularFile(model) && Files.isRegularFile(photo),
                "skipped: needs " + model + " and " + photo + " (../shared is absent)");

        Path home = Path.of(System.getProperty("atelier.home", ".."));
        int[] ports = freePorts(6);
        system = AtelierSystem.start(new SystemLayout(home, dataDir, ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]), System.out);
        try (ModelRegistration registration = ModelRegistration.connect(system.stack(), System.out)) {
            ModelManifest manifest = registration.register(model, STYLE, "Candy");
            assertThat(manifest.version()).isEqualTo(1);
        }
        client = new DemoClient(system.gatewayUrl(), system.demoKey());
        client.awaitStyle(STYLE, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopSystem() throws IOException {
        if (client != null) {
            client.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void aPhotoGoesThroughTheWholeSystem() throws Exception {
        DemoClient.Outcome outcome = client.stylize(photo, STYLE, "png", JOB_TIMEOUT);

        BufferedImage input = ImageIO.read(photo.toFile());
        BufferedImage output = ImageIO.read(new ByteArrayInputStream(outcome.image()));
        assertThat(output.getWidth()).isEqualTo(input.getWidth());
        assertThat(output.getHeight()).isEqualTo(input.getHeight());
        assertThat(outcome.record().path("modelVersion").asInt()).isEqualTo(1);
        assertThat(outcome.record().path("executionProvider").asText()).isEqualTo("cpu");
        assertThat(differingPixels(input, output)).as("share of pixels the style changed").isGreaterThan(0.5);

        String workerMetrics = get(system.service(AtelierSystem.WORKER).baseUrl() + "/q/metrics");
        assertThat(workerMetrics)
                .containsPattern("atelier_jobs_total\\{[^}]*outcome=\"succeeded\"[^}]*} [1-9]")
                .contains("atelier_inference_seconds_count{provider=\"cpu\",style=\"" + STYLE + "\"}")
                .contains("atelier_job_queue_wait_seconds_count");
    }

    @Test
    @Order(2)
    void aWorkerKilledMidWorkLosesNoAcceptedJob() throws Exception {
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(client.submit(photo, STYLE, "jpeg"));
        }
        ServiceProcess worker = system.service(AtelierSystem.WORKER);
        awaitAnyRunning(jobs);
        worker.kill();
        long unfinishedAtKill = countNotFinal(jobs);
        assertThat(unfinishedAtKill).as("jobs not yet final when the worker died").isPositive();

        worker.relaunch();
        worker.awaitReady(Duration.ofMinutes(2));
        for (String job : jobs) {
            JsonNode record = client.awaitFinal(job, JOB_TIMEOUT);
            assertThat(record.path("status").asText()).as("job %s", job).isEqualTo("SUCCEEDED");
            assertThat(client.result(job)).as("result of %s", job).isNotEmpty();
        }
    }

    private static void awaitAnyRunning(List<String> jobs) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String job : jobs) {
                if ("RUNNING".equals(client.job(job).path("status").asText())) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no job started running within " + JOB_TIMEOUT);
    }

    private static long countNotFinal(List<String> jobs) throws IOException {
        long count = 0;
        for (String job : jobs) {
            String status = client.job(job).path("status").asText();
            if (status.equals("QUEUED") || status.equals("RUNNING")) {
                count++;
            }
        }
        return count;
    }

    private static double differingPixels(BufferedImage a, BufferedImage b) {
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return (double) differing / ((long) a.getWidth() * a.getHeight());
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
