package dev.atelier.trainer.optimise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.Topics;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.JobCancelled;
import dev.atelier.contracts.events.JobCompleted;
import dev.atelier.contracts.events.JobExpired;
import dev.atelier.contracts.events.JobFailed;
import dev.atelier.contracts.events.JobProgressed;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.events.JobStarted;
import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.jobs.Optimisation;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.imaging.ImageDecoder;
import dev.atelier.imaging.ImageEncoder;
import dev.atelier.imaging.Pictures;
import dev.atelier.imaging.Resizing;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.trainer.SharedFiles;
import dev.atelier.trainer.it.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimisation jobs through the trainer service, against the real Kafka broker and S3 server and the real
 * SqueezeNet loss network (read from the shared models; skipped when absent): a job runs to SUCCEEDED with progress
 * and previews, is cancelled between steps, fails with a reason on a bad painting, and keeps the job lifecycle's
 * promises on redelivery, repeated crashes and deadlines.
 *
 * <p>Its app loads PyTorch's native library in Quarkus's class loader, after which no other class loader of the JVM
 * can: Surefire gives each test class a JVM of its own (trainer-service/pom.xml).
 */
@QuarkusTest
@TestProfile(OptimisationServiceTest.WithLossNetwork.class)
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class OptimisationServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String WEIGHTS = "models/loss_networks/squeezenet1.1/weights_npy";
    private static final String TENANT = "acme";
    private static TopicRecorder jobEvents;
    private static EventPublisher requests;

    /** The loss network from the shared models, where they are. */
    public static class WithLossNetwork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String shared = System.getProperty("atelier.shared.dir", "../../shared");
            return Map.of(
                    "atelier.trainer.loss-network.location",
                    Path.of(shared).resolve(WEIGHTS).toString());
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectStore store;

    private BufferedImage photo;
    private BufferedImage painting;

    @BeforeEach
    void connect() throws IOException {
        SharedFiles.require(WEIGHTS);
        photo = ImageDecoder.anySize().read(SharedFiles.require("images/content/chelsea.png"));
        painting = ImageDecoder.anySize().read(SharedFiles.require("images/style/starry_night.jpg"));
        if (jobEvents == null) {
            jobEvents = new TopicRecorder(bootstrapServers, Topics.STYLIZE_EVENTS);
            requests = new EventPublisher(
                    new KafkaSettings(bootstrapServers), new CloudEventCodec("/atelier/test-gateway"));
        }
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (jobEvents != null) {
            jobEvents.close();
            requests.close();
        }
    }

    @Test
    void optimisesThePhotoAgainstThePaintingReportingProgressAndPreviews() {
        JobRequested request = submit(prepare(encoded(painting), 10, JobOptions.defaults(), null));

        JobRecord done = awaitFinal(request.jobId());

        assertThat(done.status()).as("error: %s", done.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        // chelsea is 451x300: the longer side comes down to maxSide, multiples of 4 for the loss network.
        assertThat(done.outputWidth()).isEqualTo(96);
        assertThat(done.outputHeight()).isEqualTo(64);
        assertThat(done.progress().step()).isEqualTo(10);
        assertThat(done.progress().styleLoss()).isPositive();
        BufferedImage result =
                ImageDecoder.anySize().decode(store.get(done.outputKey()).orElseThrow());
        BufferedImage start = Resizing.resize(photo, result.getWidth(), result.getHeight());
        assertThat(Pictures.meanDifference(result, start))
                .as("the optimisation moved the pixels")
                .isGreaterThan(2);
        assertThat(store.exists(done.progress().previewKey())).isTrue();
        assertThat(awaitEvent(request.jobId(), JobCompleted.class).outputKey()).isEqualTo(done.outputKey());
        assertThat(jobEvents.events(request.jobId(), JobStarted.class)).hasSize(1);
        assertThat(jobEvents.events(request.jobId(), JobProgressed.class))
                .extracting(progressed -> progressed.progress().step())
                .containsExactly(5, 10);
    }

    @Test
    void aMultiScaleOptimisationCountsItsStepsAcrossBothPasses() {
        // At 128 px a fifth of the steps run first at 64 px (atelier.trainer.optimise.coarse-fraction).
        JobRequested request = submit(prepare(encoded(painting), 20, 128, JobOptions.defaults(), null));

        JobRecord done = awaitFinal(request.jobId());

        assertThat(done.status()).as("error: %s", done.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.outputWidth()).isEqualTo(128);
        assertThat(done.outputHeight()).isEqualTo(84);
        assertThat(jobEvents.events(request.jobId(), JobProgressed.class))
                .extracting(progressed -> progressed.progress().step())
                .containsExactly(5, 10, 15, 20);
    }

    @Test
    void keepsThePhotosColoursWhenAsked() {
        JobRequested request =
                submit(prepare(encoded(painting), 10, new JobOptions(1.0, OutputFormat.JPEG, true, 1.0), null));

        JobRecord done = awaitFinal(request.jobId());

        assertThat(done.status()).as("error: %s", done.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.outputKey()).endsWith(".jpg");
        BufferedImage result =
                ImageDecoder.anySize().decode(store.get(done.outputKey()).orElseThrow());
        BufferedImage start = Resizing.resize(photo, result.getWidth(), result.getHeight());
        assertThat(Pictures.chromaDistance(result, start)).isLessThan(3);
    }

    @Test
    void anOwnerCancelsARunningOptimisationBetweenSteps() {
        JobRequested request = submit(prepare(encoded(painting), 5_000, JobOptions.defaults(), null));
        awaitEvent(request.jobId(), JobProgressed.class);

        store.put(StorageKeys.jobCancellation(TENANT, request.jobId()), new byte[0], "application/octet-stream");

        JobRecord done = awaitFinal(request.jobId());
        assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(done.progress().step()).isLessThan(5_000);
        awaitEvent(request.jobId(), JobCancelled.class);
    }

    @Test
    void aPaintingThatDoesNotDecodeFailsTheJobWithItsReason() {
        JobRequested request = submit(prepare("not an image".getBytes(), 10, JobOptions.defaults(), null));

        JobRecord done = awaitFinal(request.jobId());

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error().code()).isEqualTo(ErrorCodes.INPUT_UNDECODABLE);
        assertThat(done.error().message()).startsWith("the painting: ");
        assertThat(awaitEvent(request.jobId(), JobFailed.class).error().code()).isEqualTo(ErrorCodes.INPUT_UNDECODABLE);
    }

    @Test
    void aRedeliveredFinishedJobIsAnnouncedAgainNotRedone() {
        JobRequested request = submit(prepare(encoded(painting), 5, JobOptions.defaults(), null));
        JobRecord done = awaitFinal(request.jobId());
        awaitEvent(request.jobId(), JobCompleted.class);

        send(request);

        await().atMost(WAIT).until(() -> jobEvents.events(request.jobId(), JobCompleted.class), e -> e.size() == 2);
        assertThat(jobEvents.events(request.jobId(), JobStarted.class)).hasSize(1);
        assertThat(awaitFinal(request.jobId()).updatedAt()).isEqualTo(done.updatedAt());
    }

    @Test
    void aJobWhoseTrainersDiedEveryTimeFailsInsteadOfRunningAgain() {
        JobRecord queued = prepare(encoded(painting), 5, JobOptions.defaults(), null);
        // Two starts that never finished, as two trainers killed mid-optimisation leave the record.
        JobRecord started = queued.running(0, "cpu", Instant.now()).running(0, "cpu", Instant.now());
        store.putJson(StorageKeys.job(TENANT, queued.id()), started);

        JobRequested request = submit(queued);

        JobRecord done = awaitFinal(request.jobId());
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error().code()).isEqualTo(ErrorCodes.WORKER_CRASHED);
    }

    @Test
    void aJobPastItsDeadlineExpiresUnrun() {
        JobRequested request = submit(prepare(encoded(painting), 5, JobOptions.defaults(), Instant.now()));

        JobRecord done = awaitFinal(request.jobId());

        assertThat(done.status()).isEqualTo(JobStatus.EXPIRED);
        awaitEvent(request.jobId(), JobExpired.class);
        assertThat(jobEvents.events(request.jobId(), JobStarted.class)).isEmpty();
    }

    /** Stores the photo, the painting and the QUEUED record, as the gateway does. */
    private JobRecord prepare(byte[] paintingBytes, int steps, JobOptions options, Instant deadline) {
        return prepare(paintingBytes, steps, 96, options, deadline);
    }

    private JobRecord prepare(byte[] paintingBytes, int steps, int maxSide, JobOptions options, Instant deadline) {
        String id = JobIds.newId();
        String inputKey = StorageKeys.input(TENANT, id);
        String styleKey = StorageKeys.styleInput(TENANT, id);
        store.put(inputKey, encoded(photo), "image/png");
        store.put(styleKey, paintingBytes, "image/png");
        Optimisation optimisation = new Optimisation(
                styleKey,
                new ImageInfo("image/png", painting.getWidth(), painting.getHeight(), paintingBytes.length),
                steps,
                maxSide,
                null);
        JobRecord record = JobRecord.queued(
                        id,
                        TENANT,
                        Optimisation.STYLE_ID,
                        null,
                        options,
                        new ImageInfo("image/png", photo.getWidth(), photo.getHeight(), 1),
                        inputKey,
                        Instant.now())
                .withOptimisation(optimisation)
                .withDeadline(deadline);
        store.putJson(StorageKeys.job(TENANT, id), record);
        return record;
    }

    private JobRequested submit(JobRecord record) {
        JobRequested request = new JobRequested(
                record.id(),
                record.tenant(),
                record.styleId(),
                null,
                record.inputKey(),
                record.input(),
                record.options(),
                record.createdAt(),
                record.optimisation());
        send(request);
        return request;
    }

    private void send(JobRequested request) {
        requests.publish(
                Topics.OPTIMISE_REQUESTS,
                request,
                TraceContext.parse("00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01"));
    }

    private JobRecord awaitFinal(String jobId) {
        return await().atMost(WAIT)
                .until(
                        () -> store.getJson(StorageKeys.job(TENANT, jobId), JobRecord.class)
                                .orElseThrow(),
                        record -> record.status().isFinal());
    }

    private static <T extends AtelierEvent> T awaitEvent(String jobId, Class<T> type) {
        List<T> found = await().atMost(WAIT).until(() -> jobEvents.events(jobId, type), events -> !events.isEmpty());
        return found.get(0);
    }

    private static byte[] encoded(BufferedImage image) {
        return new ImageEncoder(0.9f).encode(image, OutputFormat.PNG);
    }
}
