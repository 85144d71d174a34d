package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog, health, metrics, API docs, the web page and unknown routes. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class PlatformEndpointsTest {

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void catalogKnowsCandy() {
        Catalogs.ensureCandy(store, bootstrapServers);
    }

    @Test
    void listsTheCatalogWithPreviews() {
        given().get("/v1/styles").then().statusCode(200)
                .body("styles.id", hasItem("candy"))
                .body("styles.find { it.id == 'candy' }.title", equalTo("Candy"))
                .body("styles.find { it.id == 'candy' }.previewUrl", equalTo("/v1/styles/candy/preview"));
        given().get("/v1/styles/candy/preview").then().statusCode(200).contentType("image/jpeg");
        given().get("/v1/styles/nope/preview").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void isReadyWithKafkaS3AndTheCatalog() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("object-store")).body("checks.name", hasItem("style-catalog"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void countsSubmissionsByOutcome() {
        given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg").multiPart("style", "candy")
                .post("/v1/jobs").then().statusCode(202);
        given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg").multiPart("style", "kandy")
                .post("/v1/jobs").then().statusCode(422);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("atelier_job_submissions_total{outcome=\"accepted\",reason=\"none\"}"))
                .body(containsString("atelier_job_submissions_total{outcome=\"rejected\",reason=\"unknown-style\"}"))
                .body(containsString("atelier_job_submit_latency_seconds_count"));
    }

    @Test
    void documentsTheApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/v1/jobs", "/v1/jobs/{id}/events", "/v1/stylize",
                        "/v1/uploads", "/v1/styles"))
                .body("components.securitySchemes.apiKey.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("security[0].apiKey", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1/jobs'.post.requestBody.content.keySet()",
                        org.hamcrest.Matchers.hasItems("multipart/form-data", "application/json"))
                .body(containsString("application/problem+json"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void servesTheUploadPageAndProblemsForUnknownRoutes() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html")).body(containsString("/app.js"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/index.html").then().statusCode(200).header("Content-Security-Policy", containsString("img-src 'self' blob:"));
        given().get("/app.js").then().statusCode(200).body(containsString("/v1/jobs")).body(containsString("/events"));
        given().get("/v2/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:not-found"));
    }
}
