package dev.atelier.gateway.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on {@code POST /v1/jobs}, with its mapping in the real S3 server. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class IdempotencyIT {
    @Inject
    ObjectStore store;

    @Inject
    JobStore jobs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theSameKeyAndBodyGetTheSameJobAndAnotherBodyIs422() throws Exception {
        Catalogs.ensureCandy(store, bootstrapServers);
        String key = UUID.randomUUID().toString();
        byte[] image = TestImages.jpeg(24, 24);
        int before = store.list(StorageKeys.jobPrefix(TestTenants.TENANT)).size();
        String first = submit(key, image, "0.5", 202);
        assertThat(submit(key, image, "0.5", 202)).isEqualTo(first);
        assertThat(store.list(StorageKeys.jobPrefix(TestTenants.TENANT)))
                .filteredOn(k -> k.endsWith(first + ".json"))
                .hasSize(1);
        assertThat(jobsCreatedSince(before)).as("one job for two requests").isEqualTo(1);

        given().header("Idempotency-Key", key)
                .multiPart("image", "a.jpg", image, "image/jpeg")
                .multiPart("style", "candy")
                .multiPart("strength", "0.9")
                .post("/v1/jobs")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:idempotency-key-reused"))
                .body("jobId", equalTo(first));

        // Another replica, or this one after a restart, knows only S3: it finds the job without submitting again.
        Path file = Files.createTempFile("idem", ".jpg");
        try {
            Files.write(file, image);
            Idempotency otherReplica = new Idempotency(store, jobs);
            assertThat(otherReplica
                            .submitOnce(
                                    TestTenants.TENANT,
                                    key,
                                    new JobUpload(file, "candy", "0.5", null, null, null, null, null),
                                    () -> {
                                        throw new AssertionError("submitted again");
                                    })
                            .id())
                    .isEqualTo(first);
        } finally {
            Files.delete(file);
        }

        // Keys are per tenant: another tenant's same key is another job.
        RestAssured.requestSpecification = null;
        String other = given().header("Authorization", TestTenants.bearer(TestTenants.issue(store, "acme")))
                .header("Idempotency-Key", key)
                .multiPart("image", "a.jpg", image, "image/jpeg")
                .multiPart("style", "candy")
                .multiPart("strength", "0.5")
                .post("/v1/jobs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(other).isNotEqualTo(first);
    }

    private int jobsCreatedSince(int before) {
        return store.list(StorageKeys.jobPrefix(TestTenants.TENANT)).size() - before;
    }

    private static String submit(String key, byte[] image, String strength, int status) {
        return given().header("Idempotency-Key", key)
                .multiPart("image", "a.jpg", image, "image/jpeg")
                .multiPart("style", "candy")
                .multiPart("strength", strength)
                .post("/v1/jobs")
                .then()
                .statusCode(status)
                .extract()
                .path("id");
    }
}
