package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.atelier.contracts.Json;
import dev.atelier.contracts.Topics;
import dev.atelier.contracts.events.JobRequested;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import dev.atelier.contracts.jobs.Optimisation;
import dev.atelier.contracts.jobs.StepProgress;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.QueuedRecords;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimisation jobs ({@code mode=optimise}) through the gateway, against the real broker and S3 server: the painting
 * checked and stored beside the photo, the job queued on the trainers' topic, refusals that store nothing, the
 * preview, and cancelling one that runs.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class OptimisationSubmissionIT {
    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String tenant = TestTenants.TENANT;

    @BeforeEach
    void signIn() {
        Catalogs.ensureCandy(store, bootstrapServers); // also signs the requests in
    }

    @Test
    void acceptsAPhotoAndAPaintingAndQueuesTheJobForTheTrainers() {
        byte[] photo = TestImages.jpeg(120, 80);
        byte[] painting = TestImages.png(90, 70);

        String id = given().multiPart("image", "photo.jpg", photo, "image/jpeg")
                .multiPart("styleImage", "painting.png", painting, "image/png")
                .multiPart("mode", "optimise")
                .multiPart("steps", "50")
                .multiPart("maxSide", "256")
                .multiPart("contentWeight", "2.5")
                .multiPart("preserveColors", "true")
                .post("/v1/jobs")
                .then()
                .statusCode(202)
                .body("status", equalTo("QUEUED"))
                .body("mode", equalTo("optimise"))
                .body("styleId", equalTo(Optimisation.STYLE_ID))
                .body("optimisation.steps", equalTo(50))
                .body("optimisation.maxSide", equalTo(256))
                .body("optimisation.contentWeight", equalTo(2.5f))
                .body("optimisation.styleImage.mediaType", equalTo("image/png"))
                .body("optimisation.styleImage.width", equalTo(90))
                .body("options.preserveColors", equalTo(true))
                .body("progress", nullValue())
                .extract()
                .path("id");

        JobRecord record =
                store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
        assertThat(store.get(record.inputKey()).orElseThrow()).isEqualTo(photo);
        assertThat(store.get(record.optimisation().styleImageKey()).orElseThrow())
                .isEqualTo(painting);
        JobRequested requested = Json.fromBytes(
                QueuedRecords.first(bootstrapServers, Topics.OPTIMISE_REQUESTS, id)
                        .value(),
                JobRequested.class);
        assertThat(requested.optimisation()).isEqualTo(record.optimisation());
        assertThat(requested.inputKey()).isEqualTo(record.inputKey());
    }

    @Test
    void takesThePaintingFromAnUploadInTheJsonForm() throws Exception {
        byte[] painting = TestImages.png(64, 64);
        Map<String, String> upload = given().post("/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        HttpResponse<String> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(upload.get("url")))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(painting))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        Map<String, String> photoUpload = given().post("/v1/uploads")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(photoUpload.get("url")))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(TestImages.jpeg(80, 60)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        String id = given().contentType("application/json")
                .body(Map.of(
                        "mode",
                        "optimise",
                        "uploadId",
                        photoUpload.get("id"),
                        "styleUploadId",
                        upload.get("id"),
                        "steps",
                        20))
                .post("/v1/jobs")
                .then()
                .statusCode(202)
                .body("optimisation.steps", equalTo(20))
                .extract()
                .path("id");

        JobRecord record =
                store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
        assertThat(store.get(record.optimisation().styleImageKey()).orElseThrow())
                .isEqualTo(painting);
    }

    @Test
    void aPaintingThatIsNoImageGetsThePhotosProblemNamingItsFieldAndNothingIsStored() {
        List<String> inputsBefore = store.list("inputs/" + tenant + "/");
        List<String> jobsBefore = store.list(StorageKeys.jobPrefix(tenant));

        given().multiPart("image", "photo.jpg", TestImages.jpeg(120, 80), "image/jpeg")
                .multiPart("styleImage", "painting.gif", TestImages.gif(40, 40), "image/gif")
                .multiPart("mode", "optimise")
                .post("/v1/jobs")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:unsupported-media-type"))
                .body("field", equalTo("styleImage"));
        given().multiPart("image", "photo.jpg", TestImages.jpeg(120, 80), "image/jpeg")
                .multiPart(
                        "styleImage", "painting.png", TestImages.truncated(TestImages.png(300, 300), 0.5), "image/png")
                .multiPart("mode", "optimise")
                .post("/v1/jobs")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:atelier:problem:image-corrupt"))
                .body("field", equalTo("styleImage"));

        assertThat(store.list("inputs/" + tenant + "/")).isEqualTo(inputsBefore);
        assertThat(store.list(StorageKeys.jobPrefix(tenant))).isEqualTo(jobsBefore);
    }

    @Test
    void refusesAMissingPaintingAndStepsOverTheBoundWithTheBound() {
        given().multiPart("image", "photo.jpg", TestImages.jpeg(120, 80), "image/jpeg")
                .multiPart("mode", "optimise")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:atelier:problem:invalid-option"))
                .body("field", equalTo("styleImage"));
        given().multiPart("image", "photo.jpg", TestImages.jpeg(120, 80), "image/jpeg")
                .multiPart("styleImage", "painting.png", TestImages.png(40, 40), "image/png")
                .multiPart("mode", "optimise")
                .multiPart("steps", "100000")
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .body("field", equalTo("steps"))
                .body("maximum", equalTo(1000));
    }

    @Test
    void noStyleMayTakeTheStyleIdOptimisationJobsCarry() {
        given().multiPart("image", "painting.png", TestImages.png(64, 64), "image/png")
                .multiPart("styleId", Optimisation.STYLE_ID)
                .post("/v1/styles")
                .then()
                .statusCode(400)
                .body("field", equalTo("styleId"));
    }

    @Test
    void servesTheLatestPreviewAndCancelsARunningOptimisation() {
        String id = given().multiPart("image", "photo.jpg", TestImages.jpeg(120, 80), "image/jpeg")
                .multiPart("styleImage", "painting.png", TestImages.png(40, 40), "image/png")
                .multiPart("mode", "optimise")
                .post("/v1/jobs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        given().get("/v1/jobs/" + id + "/preview").then().statusCode(404).contentType("application/problem+json");

        // As the trainer running it leaves the record after a progress report.
        JobRecord queued =
                store.getJson(StorageKeys.job(tenant, id), JobRecord.class).orElseThrow();
        byte[] preview = TestImages.jpeg(64, 40);
        String previewKey = StorageKeys.jobPreview(tenant, id);
        store.put(previewKey, preview, "image/jpeg");
        store.putJson(
                StorageKeys.job(tenant, id),
                queued.running(0, "cpu", Instant.now())
                        .withProgress(new StepProgress(25, 300, 4.5, 1.25, previewKey), Instant.now()));

        given().get("/v1/jobs/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("progress.step", equalTo(25))
                .body("progress.steps", equalTo(300))
                .body("progress.previewUrl", equalTo("/v1/jobs/" + id + "/preview"));
        byte[] served = given().get("/v1/jobs/" + id + "/preview")
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("Cache-Control", "no-store")
                .extract()
                .asByteArray();
        assertThat(served).isEqualTo(preview);

        given().delete("/v1/jobs/" + id).then().statusCode(202).body("status", equalTo("RUNNING"));
        assertThat(store.exists(StorageKeys.jobCancellation(tenant, id))).isTrue();
        assertThat(store.getJson(StorageKeys.job(tenant, id), JobRecord.class)
                        .orElseThrow()
                        .status())
                .as("the trainer records CANCELLED at its next report")
                .isEqualTo(JobStatus.RUNNING);
    }
}
