package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.atelier.contracts.Json;
import dev.atelier.contracts.Topics;
import dev.atelier.contracts.datasets.DatasetManifest;
import dev.atelier.contracts.events.EventTypes;
import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.ProgressSnapshot;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.contracts.training.TrainingStatus;
import dev.atelier.gateway.QueuedRecords;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/styles} and {@code GET /v1/trainings/{id}} against the real broker and S3 server. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class TrainingSubmissionIT {
    private static final String PROBLEM = "urn:atelier:problem:";
    private static final String DATASET = "photos";

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void datasetExists() {
        TestTenants.signIn(store);
        store.putJson(
                StorageKeys.datasetManifest(DATASET), new DatasetManifest(DATASET, "test", List.of(), Instant.now()));
    }

    @Test
    void acceptsAStyleImageDurablyAndQueuesItsTraining() {
        byte[] painting = TestImages.jpeg(96, 64);
        Response response = given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .multiPart("image", "wave.jpg", painting, "image/jpeg")
                .multiPart("styleId", "great-wave")
                .multiPart("title", "The Great Wave")
                .multiPart("steps", "10")
                .multiPart("width", "8")
                .multiPart("styleWeight", "1e5")
                .multiPart("dataset", DATASET)
                .post("/v1/styles");

        response.then()
                .statusCode(202)
                .contentType("application/json")
                .body("status", equalTo("QUEUED"))
                .body("styleId", equalTo("great-wave"))
                .body("title", equalTo("The Great Wave"))
                .body("options.steps", equalTo(10))
                .body("options.width", equalTo(8))
                .body("options.imageSize", equalTo(256))
                .body("options.styleWeight", equalTo(100000.0f))
                .body("previewUrl", nullValue());
        String id = response.path("id");
        assertThat(response.header("Location")).isEqualTo("/v1/trainings/" + id);

        // Before 202: the style image and the QUEUED record are in S3, and Kafka holds the request.
        TrainingRecord record =
                store.getJson(StorageKeys.training(id), TrainingRecord.class).orElseThrow();
        assertThat(record.status()).isEqualTo(TrainingStatus.QUEUED);
        assertThat(record.styleImageKey()).isEqualTo(StorageKeys.styleImage("great-wave", id, "jpg"));
        assertThat(store.get(record.styleImageKey()))
                .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(painting));
        ConsumerRecord<String, byte[]> event = consumeRequest(id);
        assertThat(new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(EventTypes.TRAINING_REQUESTED);
        assertThat(new String(event.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
        TrainingRequested requested = Json.fromBytes(event.value(), TrainingRequested.class);
        assertThat(requested.options()).isEqualTo(record.options());
        assertThat(requested.styleImageKey()).isEqualTo(record.styleImageKey());

        given().get("/v1/trainings/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("QUEUED"))
                .body("id", equalTo(id));
        given().get("/v1/trainings/" + id + "/preview")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "not-found"));
    }

    @Test
    void showsTheLatestProgressAndPreviewOfARunningTraining() {
        String id = given().multiPart("image", "s.png", TestImages.png(64, 64), "image/png")
                .multiPart("styleId", "swirl")
                .multiPart("dataset", DATASET)
                .post("/v1/styles")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        TrainingRecord queued =
                store.getJson(StorageKeys.training(id), TrainingRecord.class).orElseThrow();
        assertThat(queued.styleImageKey()).endsWith(".png");
        byte[] preview = TestImages.jpeg(32, 32);
        store.put(StorageKeys.trainingPreview(id, 200), preview, "image/jpeg");
        ProgressSnapshot progress = new ProgressSnapshot(
                200,
                4000,
                Map.of("style", 3.5, "content", 1.25),
                6.5,
                1800L,
                StorageKeys.trainingPreview(id, 200),
                Instant.now());
        store.putJson(
                StorageKeys.training(id),
                queued.running("cuda:0", "trainer-a", 0, Instant.now()).progressed(progress, Instant.now()));

        given().get("/v1/trainings/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("device", equalTo("cuda:0"))
                .body("step", equalTo(200))
                .body("totalSteps", equalTo(4000))
                .body("losses.style", equalTo(3.5f))
                .body("etaSeconds", equalTo(1800))
                .body("previewUrl", equalTo("/v1/trainings/" + id + "/preview"));
        byte[] served = given().get("/v1/trainings/" + id + "/preview")
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        assertThat(served).isEqualTo(preview);
    }

    @Test
    void refusesBadFieldsWithTheFieldNamed() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        submit(given().multiPart("image", "a.jpg", jpeg, "image/jpeg"), 400, "invalid-option")
                .body("field", equalTo("styleId"));
        submit(style(jpeg, "Wave@2"), 400, "invalid-option").body("field", equalTo("styleId"));
        submit(style(jpeg, "wave").multiPart("steps", "0"), 400, "invalid-option")
                .body("field", equalTo("steps"));
        submit(style(jpeg, "wave").multiPart("width", "abc"), 400, "invalid-option")
                .body("field", equalTo("width"));
        submit(style(jpeg, "wave").multiPart("imageSize", "250"), 400, "invalid-option")
                .body("field", equalTo("imageSize"));
        submit(style(jpeg, "wave").multiPart("tvWeight", "-1"), 400, "invalid-option")
                .body("field", equalTo("tvWeight"));
        submit(given().multiPart("styleId", "wave").multiPart("dataset", DATASET), 400, "invalid-option")
                .body("field", equalTo("image"));
    }

    @Test
    void refusesWhatAJobWouldRefuseAndUnknownDatasets() {
        submit(style(TestImages.gif(16, 16), "wave"), 415, "unsupported-media-type");
        submit(style(TestImages.truncated(TestImages.jpeg(256, 256), 0.6), "wave"), 422, "image-corrupt");
        submit(style(TestImages.pngHeader(50_000, 50_000), "wave"), 413, "image-too-many-pixels");
        submit(
                        given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                                .multiPart("styleId", "wave")
                                .multiPart("dataset", "no-such-set"),
                        422,
                        "unknown-dataset")
                .body("dataset", equalTo("no-such-set"));
        // The default dataset (debian) has not been imported into this stack.
        submit(
                        given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                                .multiPart("styleId", "wave"),
                        422,
                        "unknown-dataset")
                .body("dataset", equalTo("debian"));
    }

    @Test
    void answersTrainingNotFoundForUnknownAndMalformedIds() {
        for (String id : List.of(UUID.randomUUID().toString(), "0190a5b2-7c1e-7d3f-8a2b-1c2d3e4f5a6b", "..%2Fsecret")) {
            given().urlEncodingEnabled(false)
                    .get("/v1/trainings/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEM + "training-not-found"));
        }
    }

    private static RequestSpecification style(byte[] image, String styleId) {
        return given().multiPart("image", "style.bin", image, "application/octet-stream")
                .multiPart("styleId", styleId)
                .multiPart("dataset", DATASET);
    }

    private static ValidatableResponse submit(RequestSpecification request, int status, String slug) {
        return request.post("/v1/styles")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + slug))
                .body("status", equalTo(status))
                .body("instance", equalTo("/v1/styles"));
    }

    private ConsumerRecord<String, byte[]> consumeRequest(String id) {
        return QueuedRecords.first(bootstrapServers, Topics.TRAINING_REQUESTS, id);
    }
}
