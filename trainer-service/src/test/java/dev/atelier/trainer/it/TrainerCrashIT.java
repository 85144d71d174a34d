package dev.atelier.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.contracts.training.TrainingStatus;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.local.Stack;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.platform.storage.S3Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged trainer as a real process, killed with SIGKILL in the middle of a training and started
 * again: the request is not lost and the training resumes from its last checkpoint in S3. Runs after
 * packaging ({@code mvn verify}) with the packaged {@code DjlTrainingEngine}, a tiny network and small
 * crops (the photos and the style image are noise, so the quality gate's bounds are relaxed: the gate is
 * not what this test is about); skipped when the shared loss-network weights are absent.
 */
class TrainerCrashIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Path SHARED = Path.of(System.getProperty("atelier.shared.dir", "../../shared"));
    private static final Path SQUEEZENET = SHARED.resolve("models/loss_networks/squeezenet1.1/weights_npy");
    private static final Path VGG =
            SHARED.resolve("models/loss_networks/vgg19_normalised_relu3_1/vgg19_normalised_relu3_1.npz");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopTrainers() throws InterruptedException {
        // SIGTERM first: a trainer that stops gracefully commits what it finished, leaving no request behind.
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aTrainerKilledMidwayResumesFromItsCheckpointWhenRestarted() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), JAR + " is missing: run mvn verify (it packages the trainer first)");
        assumeTrue(
                Files.isDirectory(SQUEEZENET) && Files.isRegularFile(VGG),
                "shared loss-network weights absent (" + SQUEEZENET + ", " + VGG
                        + "); set -Datelier.shared.dir; skipping");
        Stack stack = LocalStackTestResource.stack();
        try (ObjectStore store = ObjectStore.connect(new S3Settings(
                        stack.s3Endpoint(), stack.accessKey(), stack.secretKey(), stack.region(), stack.bucket()));
                TrainerStack client = new TrainerStack(stack.bootstrapServers(), store)) {
            client.dataset("crash-photos", 6, 2);
            Path log = Files.createTempFile(Path.of("target"), "trainer-crash-", ".log");

            Process first = start(stack, log);
            assertThat(awaitLogLine(log, "trains on"))
                    .contains("DjlTrainingEngine")
                    .contains("trains on cpu");
            TrainingRequested request =
                    client.submit("phoenix-crash", new TrainingOptions(8, 20, 2, 64, null, null, null, "crash-photos"));
            await().atMost(WAIT).until(() -> step(client, request) >= 7);
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

            TrainingRecord killed = client.record(request.trainingId());
            assertThat(killed.status()).isEqualTo(TrainingStatus.RUNNING);
            assertThat(store.exists(StorageKeys.checkpointInfo(request.trainingId())))
                    .isTrue();

            start(stack, log);
            TrainingRecord done = await().atMost(WAIT)
                    .until(
                            () -> client.record(request.trainingId()),
                            r -> r.status().isFinal());
            assertThat(done.status()).isEqualTo(TrainingStatus.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(done.resumedFromStep()).isGreaterThanOrEqualTo(5);
            assertThat(store.exists(StorageKeys.manifest("phoenix-crash", done.modelVersion())))
                    .isTrue();
            assertThat(done.device()).isEqualTo("cpu");
            assertThat(done.quality())
                    .containsKeys("squeezenet1.1.styleLoss", "vgg19_normalised_relu3_1.styleLoss", "parityMaxAbsDiff");
        }
    }

    @Test
    void inJobModeATrainerTrainsOneRequestThenExitsAndTheNextJobFindsNothingLeft() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), JAR + " is missing: run mvn verify (it packages the trainer first)");
        assumeTrue(
                Files.isDirectory(SQUEEZENET) && Files.isRegularFile(VGG),
                "shared loss-network weights absent (" + SQUEEZENET + ", " + VGG
                        + "); set -Datelier.shared.dir; skipping");
        Stack stack = LocalStackTestResource.stack();
        try (ObjectStore store = ObjectStore.connect(new S3Settings(
                        stack.s3Endpoint(), stack.accessKey(), stack.secretKey(), stack.region(), stack.bucket()));
                TrainerStack client = new TrainerStack(stack.bootstrapServers(), store)) {
            client.dataset("job-photos", 6, 2);
            TrainingRequested request =
                    client.submit("phoenix-job", new TrainingOptions(8, 6, 2, 64, null, null, null, "job-photos"));

            // As KEDA would: one Job after another until the request is done. Each takes the first request in
            // line (an earlier test may have left one uncommitted, already final) and exits 0 when it is final.
            TrainingRecord done = null;
            for (int job = 1; job <= 3 && (done == null || !done.status().isFinal()); job++) {
                Path log = Files.createTempFile(Path.of("target"), "trainer-job-", ".log");
                Process trainer = start(stack, log, "-Datelier.trainer.job.enabled=true");
                assertThat(trainer.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .as("Job %d's trainer exits", job)
                        .isTrue();
                assertThat(trainer.exitValue()).as("Job %d's exit code", job).isZero();
                assertThat(Files.readString(log)).as("Job %d's log", job).contains("is final; exiting");
                done = client.record(request.trainingId());
            }
            assertThat(done.status()).isEqualTo(TrainingStatus.SUCCEEDED);

            // Its offset was committed on the way out: later Jobs never see it again. They may still find
            // requests another test left uncommitted on other partitions (already final); the last one idles out.
            boolean idled = false;
            for (int job = 1; job <= 3 && !idled; job++) {
                Path log = Files.createTempFile(Path.of("target"), "trainer-job-idle-", ".log");
                Process trainer =
                        start(stack, log, "-Datelier.trainer.job.enabled=true", "-Datelier.trainer.job.idle-exit=20s");
                assertThat(trainer.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .as("later Job %d's trainer exits", job)
                        .isTrue();
                assertThat(trainer.exitValue())
                        .as("later Job %d's exit code", job)
                        .isZero();
                String output = Files.readString(log);
                assertThat(output).as("later Job %d's log", job).doesNotContain(request.trainingId());
                idled = output.contains("no training request within");
            }
            assertThat(idled)
                    .as("a Job with nothing left to do exits when idle")
                    .isTrue();
            assertThat(client.record(request.trainingId()).attempts()).isEqualTo(done.attempts());
        }
    }

    private Process start(Stack stack, Path log, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Dquarkus.http.port=0",
                "-Datelier.trainer.instance-id=crash-test",
                "-Datelier.trainer.checkpoint-every=5",
                "-Datelier.trainer.progress-every=1",
                // The broker's minimum: the restarted trainer gets the dead one's partition soon.
                "-Dmp.messaging.incoming.training-requests.session.timeout.ms=6000",
                "-Datelier.trainer.loss-network.location=" + SQUEEZENET.toAbsolutePath(),
                "-Datelier.trainer.judge-network.location=" + VGG.toAbsolutePath(),
                "-Datelier.trainer.learning-rate=0.01",
                "-Dquarkus.log.category.\"dev.atelier.trainer.engine\".level=DEBUG",
                "-Datelier.trainer.quality.max-side=64",
                "-Datelier.trainer.quality.max-style-ratio=100",
                "-Datelier.trainer.quality.max-photo-style-ratio=100",
                "-Datelier.trainer.quality.max-content-ratio=100",
                "-Datelier.trainer.quality.max-trade-off=10000"));
        command.addAll(List.of(extraArgs));
        stack.quarkusConfig().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.add(process);
        return process;
    }

    private static int step(TrainerStack client, TrainingRequested request) {
        TrainingRecord record = client.record(request.trainingId());
        return record.progress() == null ? 0 : record.progress().step();
    }

    private static String awaitLogLine(Path log, String text) {
        return await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> Files.readAllLines(log).stream()
                                .filter(line -> line.contains(text))
                                .findFirst()
                                .orElse(null),
                        line -> line != null);
    }
}
