package dev.atelier.gateway.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With the S3 server down: 503 problems, readiness DOWN; and back to ready once it returns. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class StorageOutageIT {

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void answers503WhileTheObjectStoreIsDown() {
        Catalogs.ensureCandy(store, bootstrapServers);
        LocalStackTestResource.localStack().s3().kill();
        try {
            given().get("/v1/jobs/" + JobIds.newId())
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:atelier:problem:storage-unavailable"));
            given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                    .multiPart("style", "candy")
                    .post("/v1/jobs")
                    .then()
                    .statusCode(503)
                    .body("type", equalTo("urn:atelier:problem:storage-unavailable"));
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'object-store' }.status", equalTo("DOWN"));
            given().get("/q/metrics")
                    .then()
                    .body(containsString(
                            "atelier_job_submissions_total{outcome=\"rejected\",reason=\"storage-unavailable\"}"));
        } finally {
            LocalStackTestResource.localStack().ensureRunning();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks.name", hasItem("object-store")));
    }
}
