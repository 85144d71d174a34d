package dev.atelier.trainer.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.contracts.Topics;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.TrainingCompleted;
import dev.atelier.contracts.events.TrainingFailed;
import dev.atelier.contracts.events.TrainingProgress;
import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.contracts.events.TrainingStarted;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.contracts.training.TrainingStatus;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.models.ModelFile;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.trainer.datasets.DatasetException;
import dev.atelier.trainer.datasets.Datasets;
import dev.atelier.trainer.datasets.PhotoSet;
import dev.atelier.trainer.runs.TrainingRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trainer service against the real Kafka broker and S3 server, with {@link CopyingTrainingEngine}
 * (a test stand-in that trains nothing) in place of the ML: the request lifecycle, checkpoints and
 * resumption, progress events, publication, commits, and failures with their reasons.
 */
// Not *IT although it uses the real broker: its Quarkus app (with the copying test engine) stays up until its JVM
// ends and would take TrainerCrashIT's requests from the same consumer group if both ran in Failsafe's JVM.
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class TrainingServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DATASET = "photos";
    private static final String GROUP = "atelier-trainers";
    private static TrainerStack stack;
    private static TopicRecorder trainingEvents;
    private static TopicRecorder models;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectStore store;

    @Inject
    TrainingRun run;

    @Inject
    Datasets datasets;

    @BeforeEach
    void connect() {
        if (stack == null) {
            stack = new TrainerStack(bootstrapServers, store);
            stack.dataset(DATASET, 6, 2);
            trainingEvents = new TopicRecorder(bootstrapServers, Topics.TRAINING_EVENTS);
            models = new TopicRecorder(bootstrapServers, Topics.MODELS);
        }
    }

    @AfterEach
    void fullSpeed() {
        CopyingTrainingEngine.stepMillis = 0;
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (stack != null) {
            stack.close();
            trainingEvents.close();
            models.close();
        }
    }

    @Test
    void isReadyAgainstTheRealBrokerAndObjectStore() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'object-store' }.status", equalTo("UP"));
    }

    @Test
    void trainsPublishesTheModelAndReportsProgress() {
        requireSharedModel();
        TrainingRequested request = stack.submit("wave", options(12, DATASET));

        TrainingRecord done = awaitFinal(request);

        assertThat(done.status()).isEqualTo(TrainingStatus.SUCCEEDED);
        assertThat(done.device()).isEqualTo(CopyingTrainingEngine.DEVICE);
        assertThat(done.progress().step()).isEqualTo(12);
        assertThat(done.progress().previewKey()).isEqualTo(StorageKeys.trainingPreview(request.trainingId(), 10));
        assertThat(store.exists(done.progress().previewKey())).isTrue();
        assertThat(done.quality()).containsEntry("heldOutPhotos", 2.0);
        ModelManifest manifest = store.getJson(StorageKeys.manifest("wave", done.modelVersion()), ModelManifest.class)
                .orElseThrow();
        assertThat(manifest.source()).isEqualTo("training " + request.trainingId());
        assertThat(manifest.quality()).isEqualTo(done.quality());
        assertThat(manifest.title()).isEqualTo(request.title());
        assertThat(store.exists(manifest.modelKey())).isTrue();
        assertThat(store.exists(manifest.previewKey())).isTrue();

        String id = request.trainingId();
        TrainingStarted started = awaitEvent(id, TrainingStarted.class);
        assertThat(started.resumedFromStep()).isZero();
        assertThat(started.totalSteps()).isEqualTo(12);
        assertThat(awaitEvent(id, TrainingCompleted.class).modelVersion()).isEqualTo(done.modelVersion());
        assertThat(trainingEvents.events(id, TrainingProgress.class))
                .extracting(p -> p.progress().step())
                .contains(5, 10, 12);
        assertThat(trainingEvents.events(id, TrainingProgress.class)).anySatisfy(p -> {
            assertThat(p.progress().previewKey()).isNotNull();
            assertThat(p.progress().imagesPerSecond()).isPositive();
            assertThat(p.progress().etaSeconds()).isNotNull();
        });
        await().atMost(WAIT)
                .until(() -> models.events("wave", ModelManifest.class).stream()
                        .anyMatch(m -> m.version() == done.modelVersion()));
    }

    @Test
    void commitsTheRequestOnlyOnceTheTrainingIsFinal() throws Exception {
        requireSharedModel();
        await().atMost(WAIT).until(() -> uncommitted() == 0);
        CopyingTrainingEngine.stepMillis = 150;
        TrainingRequested request = stack.submit("slow", options(40, DATASET));

        await().atMost(WAIT).until(() -> stack.record(request.trainingId()).progress() != null);
        assertThat(stack.record(request.trainingId()).status()).isEqualTo(TrainingStatus.RUNNING);
        // Over several commit intervals (500 ms in tests) the delivered request stays uncommitted.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> uncommitted() == 1);

        assertThat(awaitFinal(request).status()).isEqualTo(TrainingStatus.SUCCEEDED);
        await().atMost(WAIT).until(() -> uncommitted() == 0);
    }

    @Test
    void aTrainerThatDiesMidwayIsResumedFromItsLastCheckpoint() {
        requireSharedModel();
        TrainingRequested request =
                stack.prepare("phoenix", TrainerStack.jpeg(TrainerStack.noise(64, 64, 3)), options(12, DATASET));
        CopyingTrainingEngine.CRASH_AFTER.put(request.trainingId(), 7);

        assertThatThrownBy(() -> run.process(request, TraceContext.none()))
                .isInstanceOf(CopyingTrainingEngine.SimulatedCrash.class);
        TrainingRecord crashed = stack.record(request.trainingId());
        assertThat(crashed.status()).isEqualTo(TrainingStatus.RUNNING);
        assertThat(store.exists(StorageKeys.checkpoint(request.trainingId(), 5)))
                .isTrue();

        assertThat(run.process(request, TraceContext.none())).isEqualTo(TrainingRun.Outcome.FINAL);

        TrainingRecord done = stack.record(request.trainingId());
        assertThat(done.status()).isEqualTo(TrainingStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.crashes())
                .as("the second delivery found it still held by the trainer that died")
                .isEqualTo(1);
        assertThat(done.resumedFromStep()).isEqualTo(5);
        assertThat(await().atMost(WAIT)
                        .until(
                                () -> trainingEvents.events(request.trainingId(), TrainingStarted.class),
                                s -> s.size() == 2))
                .extracting(TrainingStarted::resumedFromStep)
                .containsExactly(0, 5);
        assertThat(store.exists(StorageKeys.checkpoint(request.trainingId(), 5)))
                .as("superseded checkpoint deleted")
                .isFalse();
    }

    @Test
    void aTrainerThatStopsOnPurposeHandsTheTrainingBackAndThatIsNoCrash() {
        requireSharedModel();
        TrainingRequested request =
                stack.prepare("handover", TrainerStack.jpeg(TrainerStack.noise(64, 64, 9)), options(12, DATASET));
        for (int stop = 1; stop <= 4; stop++) {
            CopyingTrainingEngine.STOP_AFTER.put(request.trainingId(), stop);
            assertThat(run.process(request, TraceContext.none())).isEqualTo(TrainingRun.Outcome.STOPPED);
            TrainingRecord handedBack = stack.record(request.trainingId());
            assertThat(handedBack.status()).isEqualTo(TrainingStatus.RUNNING);
            assertThat(handedBack.owner()).as("handed back").isNull();
        }

        assertThat(run.process(request, TraceContext.none())).isEqualTo(TrainingRun.Outcome.FINAL);

        TrainingRecord done = stack.record(request.trainingId());
        assertThat(done.status())
                .as("four stops are more than max-crashes, and no crash")
                .isEqualTo(TrainingStatus.SUCCEEDED);
        assertThat(done.crashes()).isZero();
        assertThat(done.attempts()).isEqualTo(5);
    }

    @Test
    void aTrainingWhoseTrainerDiesEveryTimeIsFailedAfterItsCrashesInsteadOfResumedForever() {
        requireSharedModel();
        TrainingRequested request =
                stack.prepare("doomed", TrainerStack.jpeg(TrainerStack.noise(64, 64, 5)), options(12, DATASET));
        for (int crash = 1; crash <= 3; crash++) {
            CopyingTrainingEngine.CRASH_AFTER.put(request.trainingId(), crash); // one step further each time
            assertThatThrownBy(() -> run.process(request, TraceContext.none()))
                    .isInstanceOf(CopyingTrainingEngine.SimulatedCrash.class);
        }
        assertThat(stack.record(request.trainingId()).crashes())
                .as("the third crash is seen at the next delivery")
                .isEqualTo(2);

        assertThat(run.process(request, TraceContext.none())).isEqualTo(TrainingRun.Outcome.FINAL);

        TrainingRecord failed = stack.record(request.trainingId());
        assertThat(failed.status()).isEqualTo(TrainingStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.TRAINER_CRASHED);
        assertThat(failed.error().message()).contains("died 3 times");
        assertThat(failed.attempts()).as("not started a fourth time").isEqualTo(3);
        assertThat(failed.crashes()).isEqualTo(3);
        assertThat(awaitEvent(request.trainingId(), TrainingFailed.class)
                        .error()
                        .code())
                .isEqualTo(ErrorCodes.TRAINER_CRASHED);
    }

    @Test
    void aRedeliveredFinishedRequestIsNotTrainedAgain() {
        requireSharedModel();
        TrainingRequested request = stack.submit("echo", options(5, DATASET));
        TrainingRecord first = awaitFinal(request);
        awaitEvent(request.trainingId(), TrainingCompleted.class);

        stack.send(request);

        await().atMost(WAIT)
                .until(() -> trainingEvents
                                .events(request.trainingId(), TrainingCompleted.class)
                                .size()
                        == 2);
        assertThat(stack.record(request.trainingId())).isEqualTo(first);
        assertThat(trainingEvents.events(request.trainingId(), TrainingStarted.class))
                .hasSize(1);
    }

    @Test
    void failsWithAReasonWhenTheDatasetOrTheStyleImageIsUnusable() {
        TrainingRequested noDataset = stack.submit("lost", options(5, "no-such-dataset"));
        TrainingRequested garbage =
                stack.prepare("garbled", "not an image".getBytes(StandardCharsets.UTF_8), options(5, DATASET));
        stack.send(garbage);

        TrainingRecord failed = awaitFinal(noDataset);
        assertThat(failed.status()).isEqualTo(TrainingStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.DATASET_UNAVAILABLE);
        assertThat(failed.error().message()).contains("no-such-dataset").contains("./atelier dataset");
        assertThat(awaitEvent(noDataset.trainingId(), TrainingFailed.class).error())
                .isEqualTo(failed.error());
        assertThat(awaitFinal(garbage).error().code()).isEqualTo(ErrorCodes.STYLE_IMAGE_UNDECODABLE);
    }

    @Test
    void aStyleTakenMeanwhileByAnotherOwnerFailsAsTakenAndIsNotRetried() {
        // Another tenant's training of the same new id was published first (both were accepted by the gateway).
        String styleId = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventPublisher events =
                new EventPublisher(new KafkaSettings(bootstrapServers), new CloudEventCodec("/atelier/test"))) {
            new ModelPublisher(store, events, Clock.systemUTC())
                    .publish(
                            styleId,
                            "Theirs",
                            new ModelFile(
                                    "their model".getBytes(StandardCharsets.UTF_8),
                                    "input1",
                                    "output1",
                                    List.of(-1L, 3L, -1L, -1L),
                                    null,
                                    "elsewhere"),
                            "another-tenant");
        }
        TrainingRequested ours = stack.submit(styleId, options(5, DATASET));

        TrainingRecord failed = awaitFinal(ours);
        assertThat(failed.status()).isEqualTo(TrainingStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.STYLE_TAKEN);
        assertThat(failed.error().message()).contains("belongs to another tenant");
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void skipsARecordThatIsNoTrainingRequestAndGoesOn() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.TRAINING_REQUESTS, 0, "poison", "not a cloud event".getBytes()))
                    .get();
        }
        TrainingRequested next = stack.submit("after-poison", options(5, "no-such-dataset"));

        assertThat(awaitFinal(next).status()).isEqualTo(TrainingStatus.FAILED);
        given().get("/q/metrics").then().body(containsString("atelier_training_requests_rejected_total"));
    }

    @Test
    void readsADatasetSplitAndDecodesItsPhotos() {
        PhotoSet photos = datasets.open(DATASET);

        assertThat(photos.trainPhotos()).hasSize(4);
        assertThat(photos.heldOutPhotos()).hasSize(2);
        BufferedImage image = photos.load(photos.trainPhotos().get(0));
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getWidth()).isEqualTo(photos.trainPhotos().get(0).width());
        assertThatThrownBy(() -> datasets.open("no-such-dataset"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("./atelier dataset import");
    }

    private static TrainingOptions options(int steps, String dataset) {
        return new TrainingOptions(8, steps, 2, 64, null, null, null, dataset);
    }

    private static TrainingRecord awaitFinal(TrainingRequested request) {
        return await().atMost(WAIT)
                .until(() -> stack.record(request.trainingId()), r -> r.status().isFinal());
    }

    private static <T extends dev.atelier.contracts.AtelierEvent> T awaitEvent(String id, Class<T> type) {
        return await().atMost(WAIT)
                .until(() -> trainingEvents.events(id, type), found -> !found.isEmpty())
                .get(0);
    }

    /** Records on the requests topic not yet committed by the trainers' group. */
    private long uncommitted() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(java.util.List.of(Topics.TRAINING_REQUESTS))
                    .allTopicNames()
                    .get()
                    .get(Topics.TRAINING_REQUESTS)
                    .partitions()
                    .forEach(p -> latest.put(
                            new TopicPartition(Topics.TRAINING_REQUESTS, p.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    private static void requireSharedModel() {
        Path model = Path.of(System.getProperty("atelier.shared.dir", "../../shared"))
                .resolve(CopyingTrainingEngine.MODEL);
        assumeTrue(
                Files.isRegularFile(model),
                "shared model " + model + " is absent (set -Datelier.shared.dir); skipping");
    }
}
