package dev.atelier.gateway.quotas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Jobs in flight: tenant "busy" may have 2. The count comes from S3, not from this replica's memory,
 * so a job finished by a worker (its record rewritten in S3) frees a place on every replica.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class JobsInFlightIT {
    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aThirdJobWaitsUntilOneOfTwoHasFinished() {
        Catalogs.ensureCandy(store, bootstrapServers);
        RestAssured.requestSpecification = null;
        String key = TestTenants.bearer(TestTenants.issue(store, "busy"));
        for (String marker : store.list(StorageKeys.jobsInFlightPrefix("busy"))) {
            store.delete(marker);
        }
        String first = submit(key, 202);
        String second = submit(key, 202);
        given().header("Authorization", key)
                .multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                .multiPart("style", "candy")
                .post("/v1/jobs")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .header("RateLimit-Policy", "\"requests\";q=1000;w=1")
                .body("type", equalTo("urn:atelier:problem:too-many-jobs-in-flight"))
                .body("jobsInFlight", equalTo(2))
                .body("limit", equalTo(2));
        // The quota is checked while the image is verified and stored: a refused request's input is removed again.
        assertThat(store.list("inputs/busy/"))
                .containsExactlyInAnyOrder(StorageKeys.input("busy", first), StorageKeys.input("busy", second));
        // and the quota's answer comes first, also when the image is bad.
        given().header("Authorization", key)
                .multiPart("image", "a.jpg", new byte[] {1, 2, 3}, "image/jpeg")
                .multiPart("style", "candy")
                .post("/v1/jobs")
                .then()
                .statusCode(429)
                .body("type", equalTo("urn:atelier:problem:too-many-jobs-in-flight"));

        // A worker (any process with S3 access) finishes the first job.
        JobRecord record =
                store.getJson(StorageKeys.job("busy", first), JobRecord.class).orElseThrow();
        store.putJson(
                StorageKeys.job("busy", first),
                record.running(1, "cpu", Instant.now()).succeeded("x", 1, 1, Instant.now()));
        submit(key, 202);
        // The finished job's marker is removed in the background.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.list(StorageKeys.jobsInFlightPrefix("busy")))
                        .hasSize(2)
                        .noneMatch(m -> m.endsWith(first)));
    }

    private static String submit(String key, int status) {
        return given().header("Authorization", key)
                .multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                .multiPart("style", "candy")
                .post("/v1/jobs")
                .then()
                .statusCode(status)
                .extract()
                .path("id");
    }
}
