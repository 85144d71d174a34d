package dev.atelier.worker.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.contracts.Topics;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.events.EventTypes;
import dev.atelier.contracts.events.JobCompleted;
import dev.atelier.contracts.events.JobExpired;
import dev.atelier.contracts.events.JobFailed;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.jobs.OutputFormat;
import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.imaging.Pictures;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.catalog.ModelCatalog;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.platform.storage.ObjectStore;
import dev.atelier.worker.SharedAssets;
import dev.atelier.worker.jobs.Channels;
import dev.atelier.worker.jobs.JobEvents;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker against a real Kafka broker and S3 server (deploy/local), with the real shared models:
 * jobs submitted the way the gateway submits them, outcomes read from S3 and the topics.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class InferenceWorkerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, ModelManifest> MODELS = new HashMap<>();
    private static StackClient client;
    private static TopicRecorder topics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectStore store;

    @Inject
    ModelCatalog catalog;

    @Inject
    InMemorySpanExporter exported;

    @BeforeEach
    void connect() {
        if (client == null) {
            client = new StackClient(bootstrapServers, store);
            topics = new TopicRecorder(bootstrapServers, List.of(Topics.STYLIZE_EVENTS, Topics.STYLIZE_REQUESTS_DLQ));
        }
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (client != null) {
            client.close();
            topics.close();
        }
    }

    @Test
    void isReadyWithKafkaS3AndTheCatalog() {
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'model-catalog' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'object-store' }.status", equalTo("UP")));
    }

    @Test
    void channelsAreBoundToTheContractTopics() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("mp.messaging.incoming." + Channels.REQUESTS + ".topic", String.class))
                .isEqualTo(Topics.STYLIZE_REQUESTS);
        assertThat(config.getValue(
                        "mp.messaging.incoming." + Channels.REQUESTS + ".dead-letter-queue.topic", String.class))
                .isEqualTo(Topics.STYLIZE_REQUESTS_DLQ);
        assertThat(config.getValue("mp.messaging.outgoing." + Channels.EVENTS + ".topic", String.class))
                .isEqualTo(Topics.STYLIZE_EVENTS);
    }

    @Test
    void stylizesAnOddSizedPhotoToExactlyItsSizeAndAnnouncesIt() throws Exception {
        ModelManifest candy = model("candy", SharedAssets.CANDY);

        StackClient.Submitted job = client.submit("candy", null, photo(333, 211), JobOptions.defaults());

        JobRecord done = awaitFinal(job);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.modelVersion()).isEqualTo(candy.version());
        assertThat(done.executionProvider()).isEqualTo("cpu");
        assertThat(done.outputKey()).isEqualTo("outputs/acme/" + job.jobId() + ".png");
        BufferedImage output = output(done);
        assertThat(output.getWidth()).isEqualTo(333);
        assertThat(output.getHeight()).isEqualTo(211);
        assertThat(done.timings()).as("where the time went").isNotNull();
        assertThat(done.timings().total())
                .isGreaterThanOrEqualTo(done.timings().queued()
                        + done.timings().decode()
                        + done.timings().inference()
                        + done.timings().encode()
                        + done.timings().store());
        assertThat(done.timings().total())
                .isEqualTo(java.time.Duration.between(done.createdAt(), done.finishedAt())
                        .toMillis());

        ConsumerRecord<String, byte[]> completed = awaitEvent(job, EventTypes.JOB_COMPLETED);
        for (String header : List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time")) {
            assertThat(TopicRecorder.header(completed, header)).as(header).isNotBlank();
        }
        assertThat(TopicRecorder.header(completed, "ce_source")).isEqualTo(JobEvents.SOURCE);
        assertThat(TraceContext.continueFrom(completed.headers()).traceId())
                .isEqualTo(job.trace().traceId());
        JobCompleted event = CloudEventCodec.decode(TopicRecorder.cloudEvent(completed), JobCompleted.class);
        assertThat(event.width()).isEqualTo(333);
        assertThat(event.modelVersion()).isEqualTo(candy.version());
        assertThat(event.outputKey()).isEqualTo(done.outputKey());
        assertThat(topics.events(Topics.STYLIZE_EVENTS, job.jobId(), EventTypes.JOB_STARTED))
                .isNotEmpty();
    }

    @Test
    void fixedShapeModelAlsoKeepsTheInputSize() throws Exception {
        model("starry", SharedAssets.STARRY_NIGHT);

        StackClient.Submitted job =
                client.submit("starry", null, photo(333, 211), new JobOptions(1.0, OutputFormat.JPEG));

        JobRecord done = awaitFinal(job);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.outputKey()).endsWith(".jpg");
        BufferedImage output = output(done);
        assertThat(output.getWidth()).isEqualTo(333);
        assertThat(output.getHeight()).isEqualTo(211);
    }

    @Test
    void corruptInputFailsIsDeadLetteredAndTheNextJobOnThePartitionStillRuns() throws Exception {
        model("candy", SharedAssets.CANDY);
        byte[] photo = photo(160, 120);

        StackClient.Submitted bad = client.submitToPartition(0, "candy", Arrays.copyOf(photo, photo.length / 2));
        StackClient.Submitted good = client.submitToPartition(0, "candy", photo);

        JobRecord failed = awaitFinal(bad);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.INPUT_UNDECODABLE);
        assertThat(failed.error().message()).contains("truncated");
        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT)
                .until(
                        () -> topics.first(Topics.STYLIZE_REQUESTS_DLQ, bad.jobId(), r -> true)
                                .orElse(null),
                        r -> r != null);
        assertThat(TopicRecorder.header(dead, "dead-letter-reason")).startsWith(ErrorCodes.INPUT_UNDECODABLE);
        JobFailed event = CloudEventCodec.decode(
                TopicRecorder.cloudEvent(awaitEvent(bad, EventTypes.JOB_FAILED)), JobFailed.class);
        assertThat(event.error().code()).isEqualTo(ErrorCodes.INPUT_UNDECODABLE);
        assertThat(awaitFinal(good).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aJobStartedAsOftenAsAWorkerMayWithoutFinishingFailsAsCrashedWithoutRunningAndTheNextJobRuns()
            throws Exception {
        model("candy", SharedAssets.CANDY);
        byte[] photo = photo(96, 64);
        StackClient.Submitted onceCrashed = client.submitStartedToPartition(0, "candy", photo, 2);
        StackClient.Submitted killer = client.submitStartedToPartition(0, "candy", photo, 3);
        StackClient.Submitted behind = client.submitToPartition(0, "candy", photo);

        JobRecord failed = awaitFinal(killer);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.WORKER_CRASHED);
        assertThat(failed.error().message()).contains("started 3 times");
        assertThat(failed.attempts()).as("not started a fourth time").isEqualTo(3);
        assertThat(topics.events(Topics.STYLIZE_EVENTS, killer.jobId(), EventTypes.JOB_STARTED))
                .isEmpty();
        JobFailed event = CloudEventCodec.decode(
                TopicRecorder.cloudEvent(awaitEvent(killer, EventTypes.JOB_FAILED)), JobFailed.class);
        assertThat(event.error().code()).isEqualTo(ErrorCodes.WORKER_CRASHED);
        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT)
                .until(
                        () -> topics.first(Topics.STYLIZE_REQUESTS_DLQ, killer.jobId(), r -> true)
                                .orElse(null),
                        r -> r != null);
        assertThat(TopicRecorder.header(dead, "dead-letter-reason")).startsWith(ErrorCodes.WORKER_CRASHED);

        JobRecord third = awaitFinal(onceCrashed);
        assertThat(third.status()).as("two starts left it a third").isEqualTo(JobStatus.SUCCEEDED);
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(awaitFinal(behind).status()).isEqualTo(JobStatus.SUCCEEDED);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("atelier_jobs_crashed_total{style=\"candy\"} 1.0"));
    }

    @Test
    void garbageModelFailsAsInvalid() {
        MODELS.computeIfAbsent("broken", style -> awaitCurrent(client.registerGarbage(style)));

        StackClient.Submitted job = client.submit("broken", null, photo(64, 48), JobOptions.defaults());

        JobRecord failed = awaitFinal(job);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.MODEL_INVALID);
        assertThat(failed.error().message()).contains("not a loadable ONNX model");
    }

    @Test
    void unknownStyleOrVersionFailsAsUnavailable() throws Exception {
        model("candy", SharedAssets.CANDY);

        JobRecord unknownStyle = awaitFinal(client.submit("no-such-style", null, photo(64, 48), JobOptions.defaults()));
        JobRecord unknownVersion = awaitFinal(client.submit("candy", 999, photo(64, 48), JobOptions.defaults()));

        assertThat(unknownStyle.error().code()).isEqualTo(ErrorCodes.MODEL_UNAVAILABLE);
        assertThat(unknownVersion.error().code()).isEqualTo(ErrorCodes.MODEL_UNAVAILABLE);
        assertThat(unknownVersion.error().message()).contains("no version 999");
    }

    @Test
    void aJobIsOneTraceFromTheRequestThroughItsSpanToItsEventsAndEveryLogLineCarriesIt() throws Exception {
        try (LogCapture logs = LogCapture.install()) {
            StackClient.Submitted job = client.submit("no-such-style", null, photo(64, 48), JobOptions.defaults());
            String trace = job.trace().traceId();
            awaitFinal(job);
            awaitEvent(job, EventTypes.JOB_FAILED);

            List<SpanData> spans = await().atMost(WAIT)
                    .until(
                            () -> exported.getFinishedSpanItems().stream()
                                    .filter(span -> span.getTraceId().equals(trace))
                                    .toList(),
                            found -> found.size() >= 3);
            SpanData work = spans.stream()
                    .filter(span -> span.getName().equals("stylize"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no job span among " + spans));
            assertThat(work.getAttributes().get(AttributeKey.stringKey("atelier.job.id")))
                    .isEqualTo(job.jobId());
            assertThat(work.getAttributes().get(AttributeKey.stringKey("atelier.style.id")))
                    .isEqualTo("no-such-style");
            assertThat(work.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(work.getStatus().getDescription()).isEqualTo("model.unavailable");
            // Its parent is the connector's receive span, a child of the request's sender (the gateway's span).
            SpanData received = spans.stream()
                    .filter(span -> span.getSpanId().equals(work.getParentSpanId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the job span's parent is not in " + spans));
            assertThat(received.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(received.getParentSpanId())
                    .isEqualTo(Span.fromContext(job.trace().context())
                            .getSpanContext()
                            .getSpanId());
            // The events it sent are sends inside the job span (the dead-letter send hangs off the receive span).
            assertThat(spans)
                    .filteredOn(span -> span.getKind() == SpanKind.PRODUCER
                            && span.getName().startsWith(Topics.STYLIZE_EVENTS + " "))
                    .isNotEmpty()
                    .allSatisfy(send -> assertThat(send.getParentSpanId()).isEqualTo(work.getSpanId()));

            List<LogCapture.Line> aboutTheJob = logs.lines().stream()
                    .filter(line -> job.jobId().equals(line.jobId()))
                    .toList();
            assertThat(aboutTheJob)
                    .isNotEmpty()
                    .allSatisfy(
                            line -> assertThat(line.trace()).as(line.message()).isEqualTo(trace));
        }
    }

    @Test
    void integrationsReadTheEventsWithTheCloudEventsSdkAndAPlainKafkaConsumer() throws Exception {
        StackClient.Submitted job = client.submit("no-such-style", null, photo(64, 48), JobOptions.defaults());

        try (PlainEventsConsumer integration = new PlainEventsConsumer(bootstrapServers, "atelier.stylize.events")) {
            CloudEvent event = integration
                    .first(job.jobId(), "atelier.stylize.job.failed.v1", WAIT)
                    .orElseThrow(() -> new AssertionError("no job.failed event for " + job.jobId()));
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getSource().toString()).isEqualTo("/atelier/inference-worker");
            assertThat(event.getExtension("tenant")).isEqualTo("acme");
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getTime()).isNotNull();
            JsonNode data = new ObjectMapper().readTree(event.getData().toBytes());
            assertThat(data.get("type").asText()).isEqualTo(event.getType());
            assertThat(data.get("jobId").asText()).isEqualTo(job.jobId());
            assertThat(data.get("tenant").asText()).isEqualTo("acme");
            assertThat(data.get("error").get("code").asText()).isEqualTo("model.unavailable");
            assertThat(data.get("failedAt").asText()).endsWith("Z");
        }
    }

    @Test
    void aRecordThatIsNoCloudEventGoesToTheDlqAsIs() throws Exception {
        String key = "poison-" + System.nanoTime();

        client.sendRaw(key, "not a cloud event".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT)
                .until(
                        () -> topics.first(Topics.STYLIZE_REQUESTS_DLQ, key, r -> true)
                                .orElse(null),
                        r -> r != null);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        // SmallRye dead-letters it straight from the deserializer, with the CloudEvents SDK's complaint as the reason.
        assertThat(TopicRecorder.header(dead, "dead-letter-reason")).isNotBlank();
    }

    @Test
    void aRedeliveredFinishedJobIsNotReworked() throws Exception {
        model("candy", SharedAssets.CANDY);
        StackClient.Submitted job = client.submit("candy", null, photo(96, 64), JobOptions.defaults());
        JobRecord first = awaitFinal(job);
        awaitEvent(job, EventTypes.JOB_COMPLETED);

        client.redeliver(job);

        await().atMost(WAIT)
                .until(() -> topics.events(Topics.STYLIZE_EVENTS, job.jobId(), EventTypes.JOB_COMPLETED)
                                .size()
                        == 2);
        assertThat(client.record(job.jobId())).isEqualTo(first);
        assertThat(topics.events(Topics.STYLIZE_EVENTS, job.jobId(), EventTypes.JOB_STARTED))
                .hasSize(1);
    }

    @Test
    void aJobWhoseDeadlinePassedWhileQueuedEndsExpiredWithoutInference() throws Exception {
        model("candy", SharedAssets.CANDY);
        StackClient.Submitted job =
                client.submitWithDeadline("candy", photo(96, 64), Instant.now().minusSeconds(1));

        JobRecord expired = awaitFinal(job);
        assertThat(expired.status()).isEqualTo(JobStatus.EXPIRED);
        assertThat(expired.outputKey()).isNull();
        assertThat(expired.attempts()).as("never started").isZero();
        JobExpired event = CloudEventCodec.decode(
                TopicRecorder.cloudEvent(awaitEvent(job, EventTypes.JOB_EXPIRED)), JobExpired.class);
        assertThat(event.deadline()).isEqualTo(expired.deadline());
        assertThat(topics.events(Topics.STYLIZE_EVENTS, job.jobId(), EventTypes.JOB_STARTED))
                .isEmpty();
        assertThat(client.exists(StorageKeys.output("acme", job.jobId(), OutputFormat.PNG)))
                .isFalse();
    }

    @Test
    void aJobWithAFutureDeadlineRuns() throws Exception {
        model("candy", SharedAssets.CANDY);
        StackClient.Submitted job =
                client.submitWithDeadline("candy", photo(96, 64), Instant.now().plusSeconds(600));

        assertThat(awaitFinal(job).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aJobItsOwnerCancelledEndsCancelledWithoutInference() throws Exception {
        model("candy", SharedAssets.CANDY);
        StackClient.Submitted job = client.submitCancelled("candy", photo(96, 64));

        JobRecord cancelled = awaitFinal(job);
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.outputKey()).isNull();
        awaitEvent(job, EventTypes.JOB_CANCELLED);
        assertThat(topics.events(Topics.STYLIZE_EVENTS, job.jobId(), EventTypes.JOB_STARTED))
                .isEmpty();
        assertThat(client.exists(StorageKeys.output("acme", job.jobId(), OutputFormat.PNG)))
                .isFalse();
    }

    @Test
    void strengthZeroGivesBackTheContent() throws Exception {
        model("candy", SharedAssets.CANDY);
        byte[] photo = photo(120, 90);

        JobRecord done = awaitFinal(client.submit("candy", null, photo, new JobOptions(0.0, OutputFormat.PNG)));

        BufferedImage content = ImageIO.read(new ByteArrayInputStream(photo));
        assertThat(Pictures.meanDifference(output(done), content)).isLessThan(1.0);
    }

    @Test
    void theJobsColourAndStrokeOptionsReachTheRun() throws Exception {
        model("candy", SharedAssets.CANDY);
        byte[] photo = photo(120, 90);
        BufferedImage content = ImageIO.read(new ByteArrayInputStream(photo));

        BufferedImage plain = output(awaitFinal(client.submit("candy", null, photo, JobOptions.defaults())));
        BufferedImage kept = output(
                awaitFinal(client.submit("candy", null, photo, new JobOptions(1.0, OutputFormat.PNG, true, 2.0))));

        assertThat(kept.getWidth()).isEqualTo(120);
        assertThat(kept.getHeight()).isEqualTo(90);
        assertThat(Pictures.chromaDistance(plain, content))
                .as("candy recolours")
                .isGreaterThan(10);
        assertThat(Pictures.chromaDistance(kept, content))
                .as("the photo's colours")
                .isLessThan(2);
    }

    @Test
    void aNewVersionServesTheNextJobWhileAPinnedJobGetsItsVersion() throws Exception {
        ModelManifest v1 = MODELS.computeIfAbsent("swap", style -> awaitCurrent(register(style, SharedAssets.CANDY)));
        assertThat(awaitFinal(client.submit("swap", null, photo(64, 48), JobOptions.defaults()))
                        .modelVersion())
                .isEqualTo(v1.version());

        ModelManifest v2 = awaitCurrent(register("swap", SharedAssets.MOSAIC));

        assertThat(v2.version()).isEqualTo(v1.version() + 1);
        assertThat(awaitFinal(client.submit("swap", null, photo(64, 48), JobOptions.defaults()))
                        .modelVersion())
                .isEqualTo(v2.version());
        assertThat(awaitFinal(client.submit("swap", v1.version(), photo(64, 48), JobOptions.defaults()))
                        .modelVersion())
                .isEqualTo(v1.version());
    }

    @Test
    void reannouncingAnOlderManifestRollsTheStyleBack() {
        ModelManifest v1 = awaitCurrent(register("roll", SharedAssets.CANDY));
        ModelManifest v2 = awaitCurrent(register("roll", SharedAssets.MOSAIC));
        assertThat(awaitFinal(client.submit("roll", null, photo(64, 48), JobOptions.defaults()))
                        .modelVersion())
                .isEqualTo(v2.version());

        awaitCurrent(client.rollback("roll", v1.version()));

        assertThat(awaitFinal(client.submit("roll", null, photo(64, 48), JobOptions.defaults()))
                        .modelVersion())
                .isEqualTo(v1.version());
        ModelManifest v3 = awaitCurrent(register("roll", SharedAssets.STARRY_NIGHT));
        assertThat(v3.version()).as("versions keep counting after a rollback").isEqualTo(v2.version() + 1);
    }

    @Test
    void exportsJobMetrics() throws Exception {
        model("candy", SharedAssets.CANDY);
        awaitFinal(client.submit("candy", null, photo(64, 48), JobOptions.defaults()));

        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .body(containsString("atelier_jobs_total{outcome=\"succeeded\",style=\"candy\"}"))
                        .body(containsString("atelier_job_latency_seconds_count"))
                        .body(containsString("atelier_job_queue_wait_seconds_count"))
                        .body(containsString("atelier_inference_seconds_count{provider=\"cpu\",style=\"candy\"}"))
                        .body(containsString("atelier_models_loaded")));
    }

    private ModelManifest model(String style, String asset) throws Exception {
        SharedAssets.require(asset);
        synchronized (MODELS) {
            if (!MODELS.containsKey(style)) {
                MODELS.put(style, awaitCurrent(register(style, asset)));
            }
            return MODELS.get(style);
        }
    }

    private ModelManifest register(String style, String asset) {
        var model = SharedAssets.require(asset); // outside the try: a missing asset skips the test, it is no error
        try {
            return client.register(style, model);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the worker's catalog has heard of the version, so the job never races the announcement. */
    private ModelManifest awaitCurrent(ModelManifest manifest) {
        await().atMost(WAIT)
                .until(() -> catalog.current(manifest.styleId())
                        .map(m -> m.version() == manifest.version())
                        .orElse(false));
        return manifest;
    }

    private static JobRecord awaitFinal(StackClient.Submitted job) {
        return await().atMost(WAIT)
                .until(() -> client.record(job.jobId()), r -> r.status().isFinal());
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(StackClient.Submitted job, String type) {
        return await().atMost(WAIT)
                .until(() -> topics.events(Topics.STYLIZE_EVENTS, job.jobId(), type), found -> !found.isEmpty())
                .get(0);
    }

    private BufferedImage output(JobRecord record) throws Exception {
        return ImageIO.read(
                new ByteArrayInputStream(store.get(record.outputKey()).orElseThrow()));
    }

    /** The shared Chicago photo scaled down to the given size, as JPEG. */
    private static byte[] photo(int width, int height) {
        try {
            BufferedImage source =
                    ImageIO.read(SharedAssets.require(SharedAssets.CHICAGO).toFile());
            BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
            g.dispose();
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(scaled, "jpeg", jpeg);
            return jpeg.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
