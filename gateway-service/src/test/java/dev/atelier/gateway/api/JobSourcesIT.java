package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSON submissions with the default (production) rules: images uploaded straight to the real S3 server
 * with a presigned URL, and image URLs refused before any connection when they point inwards (SSRF).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class JobSourcesIT {
    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void signIn() {
        Catalogs.ensureCandy(store, bootstrapServers); // also signs the requests in
    }

    @Test
    void anImagePutToAPresignedUrlIsSubmittedByItsUploadId() throws Exception {
        byte[] photo = TestImages.jpeg(64, 48);
        Map<String, String> upload = given().post("/v1/uploads")
                .then()
                .statusCode(201)
                .body("method", equalTo("PUT"))
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(upload.get("url")).doesNotContain("atl_");

        // Straight to S3, with no Atelier credentials: the URL's signature is the permission.
        HttpResponse<String> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(upload.get("url")))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        // JSON booleans and numbers, as a JSON client writes them.
        String id = json(Map.of(
                        "style",
                        "candy",
                        "uploadId",
                        upload.get("id"),
                        "strength",
                        0.5,
                        "preserveColors",
                        true,
                        "styleScale",
                        0.5))
                .post("/v1/jobs")
                .then()
                .statusCode(202)
                .header("Location", containsString("/v1/jobs/"))
                .body("status", equalTo("QUEUED"))
                .extract()
                .path("id");
        JobRecord record = store.getJson(StorageKeys.job(TestTenants.TENANT, id), JobRecord.class)
                .orElseThrow();
        assertThat(store.get(record.inputKey()).orElseThrow()).isEqualTo(photo);
        assertThat(record.input().width()).isEqualTo(64);
        assertThat(record.options().strength()).isEqualTo(0.5);
        assertThat(record.options().preserveColors()).isTrue();
        assertThat(record.options().styleScale()).isEqualTo(0.5);

        String otherTenant = TestTenants.issue(store, "someone-else");
        RequestSpecification signedIn = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null; // one Authorization header, the other tenant's
        try {
            given().header("Authorization", TestTenants.bearer(otherTenant))
                    .contentType("application/json")
                    .body(Map.of("style", "candy", "uploadId", upload.get("id")))
                    .post("/v1/jobs")
                    .then()
                    .statusCode(422)
                    .body("type", equalTo("urn:atelier:problem:upload-not-found"));
        } finally {
            RestAssured.requestSpecification = signedIn;
        }
    }

    @Test
    void anUploadIdWithNothingUploadedIs422() {
        String id = given().post("/v1/uploads").then().statusCode(201).extract().path("id");
        for (String uploadId : List.of(id, "not-an-id")) {
            json(Map.of("style", "candy", "uploadId", uploadId))
                    .post("/v1/jobs")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:upload-not-found"))
                    .body("field", equalTo("uploadId"));
        }
    }

    @Test
    void exactlyOneImageSourceIsRequired() {
        json(Map.of("style", "candy"))
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:atelier:problem:invalid-option"));
        json(Map.of("style", "candy", "uploadId", "x", "imageUrl", "https://example.org/a.jpg"))
                .post("/v1/jobs")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:atelier:problem:invalid-option"));
    }

    @Test
    void imageUrlsPointingInwardsOrInPlainHttpAreRefusedBeforeAnyConnection() {
        List<String> refused = List.of(
                "http://example.org/photo.jpg",
                "https://127.0.0.1/photo.jpg",
                "https://localhost:8080/photo.jpg",
                "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "https://10.1.2.3/photo.jpg",
                "https://192.168.0.10/photo.jpg",
                "https://100.64.0.1/photo.jpg",
                "https://0.0.0.0/photo.jpg",
                "https://[::1]/photo.jpg",
                "https://[fd00::1]/photo.jpg",
                "https://[::ffff:127.0.0.1]/photo.jpg",
                "https://user:secret@example.org/photo.jpg",
                "file:///etc/passwd",
                "not a url");
        for (String url : refused) {
            json(Map.of("style", "candy", "imageUrl", url))
                    .post("/v1/jobs")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:image-url-not-allowed"))
                    .body("field", equalTo("imageUrl"));
        }
    }

    private static RequestSpecification json(Map<String, ?> body) {
        return given().contentType("application/json").body(body);
    }
}
