package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.atelier.contracts.Json;
import dev.atelier.contracts.Topics;
import dev.atelier.contracts.events.EventTypes;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.QueuedRecords;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accepting a job against the real broker and S3 server: durable before 202, and what the workers receive. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class JobSubmissionIT {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    String tenant = TestTenants.TENANT;

    @BeforeEach
    void catalogKnowsCandy() {
        Catalogs.ensureCandy(store, bootstrapServers);
    }

    @Test
    void acceptsARealPhotoDurablyAndQueuesItForTheWorkers() throws Exception {
        Path photo =
                Path.of(System.getProperty("atelier.shared.dir", "../../shared"), "images", "content", "chicago.jpg");
        Assumptions.assumeTrue(
                Files.isReadable(photo), "no shared photo at " + photo + " (set -Datelier.shared.dir); skipped");
        byte[] bytes = Files.readAllBytes(photo);

        Response response = given().header("traceparent", TRACEPARENT)
                .multiPart("image", "chicago.jpg", bytes, "image/jpeg")
                .multiPart("style", "candy")
                .multiPart("strength", "0.8")
                .multiPart("outputFormat", "jpeg")
                .multiPart("preserveColors", "true")
                .multiPart("styleScale", "1.5")
                .post("/v1/jobs");

        response.then()
                .statusCode(202)
                .contentType("application/json")
                .body("status", equalTo("QUEUED"))
                .body("styleId", equalTo("candy"))
                .body("options.strength", equalTo(0.8f))
                .body("options.outputFormat", equalTo("jpeg"))
                .body("options.preserveColors", equalTo(true))
                .body("options.styleScale", equalTo(1.5f))
                .body("input.mediaType", equalTo("image/jpeg"))
                .body("input.bytes", equalTo(bytes.length))
                .body("traceId", equalTo(TRACE_ID));
        String id = response.path("id");
        assertThat(response.header("Location")).isEqualTo("/v1/jobs/" + id);

        // Before 202: the input and the QUEUED record are in S3 ...
        assertThat(store.get(StorageKeys.input(tenant, id)))
                .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(bytes));
        JobRecord record =
                store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
        assertThat(record.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(record.input().width()).isPositive();
        assertThat(record.traceId()).isEqualTo(TRACE_ID);

        // ... and Kafka holds the event: a binary-mode CloudEvent keyed by job id, continuing the caller's trace.
        ConsumerRecord<String, byte[]> event = consumeRequest(id);
        assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(event, "ce_id")).isNotBlank();
        assertThat(header(event, "ce_type")).isEqualTo(EventTypes.JOB_REQUESTED);
        assertThat(header(event, "ce_source")).isEqualTo("/atelier/gateway");
        assertThat(header(event, "ce_time")).isNotBlank();
        String traceparent = header(event, "traceparent");
        assertThat(traceparent.split("-")[1]).isEqualTo(TRACE_ID);
        assertThat(traceparent).isNotEqualTo(TRACEPARENT);
        JobRequested requested = Json.fromBytes(event.value(), JobRequested.class);
        assertThat(requested.jobId()).isEqualTo(id);
        assertThat(requested.inputKey()).isEqualTo(StorageKeys.input(tenant, id));
        assertThat(requested.input()).isEqualTo(record.input());

        given().get("/v1/jobs/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("QUEUED"))
                .body("id", equalTo(id));
        given().get("/v1/jobs/" + id + "/result")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:job-not-finished"))
                .body("jobStatus", equalTo("QUEUED"));
    }

    @Test
    void acceptsAGeneratedPngWithDefaults() {
        byte[] png = TestImages.png(120, 80);
        Response response = given().multiPart("image", "small.png", png, "image/png")
                .multiPart("style", "candy@1")
                .post("/v1/jobs");
        response.then()
                .statusCode(202)
                .body("options.strength", equalTo(1.0f))
                .body("options.outputFormat", equalTo("png"))
                .body("options.preserveColors", equalTo(false))
                .body("options.styleScale", equalTo(1.0f))
                .body("requestedVersion", equalTo(1))
                .body("input.width", equalTo(120))
                .body("input.height", equalTo(80));
        String id = response.path("id");
        // No traceparent sent: the request starts a trace of its own (unsampled: nothing is exported by default).
        String traceId = response.path("traceId");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(header(consumeRequest(id), "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    @Test
    void servesTheResultOfASucceededJobInline() {
        JobRecord record = storedRecord().running(1, "cpu", Instant.now());
        String outputKey =
                StorageKeys.output(tenant, record.id(), record.options().outputFormat());
        byte[] output = TestImages.png(16, 16);
        store.put(outputKey, output, "image/png");
        store.putJson(StorageKeys.job(tenant, record.id()), record.succeeded(outputKey, 16, 16, Instant.now()));

        byte[] served = given().get("/v1/jobs/" + record.id() + "/result")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("Content-Disposition", "inline; filename=\"" + record.id() + ".png\"")
                .extract()
                .asByteArray();
        assertThat(served).isEqualTo(output);
        given().get("/v1/jobs/" + record.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("resultUrl", equalTo("/v1/jobs/" + record.id() + "/result"));
    }

    @Test
    void explainsWhyAFailedJobHasNoResult() {
        JobRecord record = storedRecord();
        store.putJson(
                StorageKeys.job(tenant, record.id()),
                record.failed(new JobError("input.undecodable", "cannot decode"), Instant.now()));
        given().get("/v1/jobs/" + record.id() + "/result")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:job-failed"))
                .body("error.code", equalTo("input.undecodable"));
    }

    @Test
    void answersJobNotFoundForUnknownAndMalformedIds() {
        for (String id : List.of("0190a5b2-7c1e-7d3f-8a2b-1c2d3e4f5a6b", "not-a-job", "..%2F..%2Fsecret")) {
            given().urlEncodingEnabled(false)
                    .get("/v1/jobs/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:job-not-found"));
        }
        given().get("/v1/jobs/not-a-job/result")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:atelier:problem:job-not-found"));
    }

    /** A QUEUED job submitted through the API, read back from S3. */
    private JobRecord storedRecord() {
        String id = given().multiPart("image", "a.jpg", TestImages.jpeg(32, 32), "image/jpeg")
                .multiPart("style", "candy")
                .post("/v1/jobs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        return store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
    }

    private ConsumerRecord<String, byte[]> consumeRequest(String id) {
        return QueuedRecords.first(bootstrapServers, Topics.STYLIZE_REQUESTS, id);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
