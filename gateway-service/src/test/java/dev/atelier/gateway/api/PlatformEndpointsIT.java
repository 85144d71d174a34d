package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog, health, metrics, API docs, the web page and unknown routes. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class PlatformEndpointsIT {

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
        given().get("/v1/styles")
                .then()
                .statusCode(200)
                .body("styles.id", hasItem("candy"))
                .body("styles.find { it.id == 'candy' }.title", equalTo("Candy"))
                .body("styles.find { it.id == 'candy' }.previewUrl", equalTo("/v1/styles/candy/preview"));
        given().get("/v1/styles/candy/preview").then().statusCode(200).contentType("image/jpeg");
        given().get("/v1/styles/nope/preview").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void isReadyWithKafkaS3AndTheCatalog() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("object-store"))
                .body("checks.name", hasItem("style-catalog"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void countsSubmissionsByOutcome() {
        given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                .multiPart("style", "candy")
                .post("/v1/jobs")
                .then()
                .statusCode(202);
        given().multiPart("image", "a.jpg", TestImages.jpeg(16, 16), "image/jpeg")
                .multiPart("style", "kandy")
                .post("/v1/jobs")
                .then()
                .statusCode(422);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("atelier_job_submissions_total{outcome=\"accepted\",reason=\"none\"}"))
                .body(containsString("atelier_job_submissions_total{outcome=\"rejected\",reason=\"unknown-style\"}"))
                .body(containsString("atelier_job_submit_latency_seconds_count"));
    }

    @Test
    void documentsTheApi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.keySet()",
                        org.hamcrest.Matchers.hasItems(
                                "/v1/jobs", "/v1/jobs/{id}/events", "/v1/stylize", "/v1/uploads", "/v1/styles"))
                .body("components.securitySchemes.apiKey.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("security[0].apiKey", org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/v1/jobs'.post.requestBody.content.keySet()",
                        org.hamcrest.Matchers.hasItems("multipart/form-data", "application/json"))
                .body(containsString("application/problem+json"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** The problem responses each operation documents: what its annotations gave before one filter added them. */
    @Test
    @SuppressWarnings("unchecked")
    void documentsTheProblemsOfEveryOperation() {
        Map<String, List<String>> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("POST /v1/jobs", List.of("400", "413", "415", "422", "429", "503")),
                Map.entry("GET /v1/jobs", List.of("400")),
                Map.entry("GET /v1/jobs/{id}", List.of("404")),
                Map.entry("DELETE /v1/jobs/{id}", List.of("404", "409")),
                Map.entry("GET /v1/jobs/{id}/events", List.of("404")),
                Map.entry("GET /v1/jobs/{id}/result", List.of("404", "409", "410")),
                Map.entry("POST /v1/stylize", List.of("400", "409", "410", "413", "429")),
                Map.entry("POST /v1/uploads", List.of("503")),
                Map.entry("POST /v1/styles", List.of("400", "413", "415", "422", "503")),
                Map.entry("GET /v1/styles", List.of("503")),
                Map.entry("GET /v1/styles/{id}/preview", List.of("404")),
                Map.entry("GET /v1/trainings/{id}", List.of("404")),
                Map.entry("GET /v1/trainings/{id}/preview", List.of("404")),
                Map.entry("POST /v1/webhooks", List.of("400")),
                Map.entry("GET /v1/webhooks", List.of()),
                Map.entry("GET /v1/webhooks/{id}", List.of("404")),
                Map.entry("GET /v1/webhooks/{id}/secret", List.of("404")),
                Map.entry("DELETE /v1/webhooks/{id}", List.of("404")),
                Map.entry("GET /v1/webhooks/{id}/deliveries", List.of("400", "404")),
                Map.entry("POST /admin/v1/tenants/{tenant}/keys", List.of("400", "401")),
                Map.entry("GET /admin/v1/tenants/{tenant}/keys", List.of("401")),
                Map.entry("DELETE /admin/v1/tenants/{tenant}/keys/{id}", List.of("404"))));
        JsonPath document = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        Map<String, List<String>> documented = new TreeMap<>();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            documented.put(
                    method.toUpperCase(Locale.ROOT) + " " + path,
                    responses.entrySet().stream()
                            .filter(response -> response.getValue().get("content") instanceof Map<?, ?> content
                                    && content.containsKey("application/problem+json"))
                            .map(Map.Entry::getKey)
                            .sorted()
                            .toList());
        }));
        assertThat(documented).containsAllEntriesOf(expected);
        expected.forEach((operation, statuses) -> statuses.forEach(status -> {
            String[] methodAndPath = operation.split(" ");
            String response = "paths.'" + methodAndPath[1] + "'." + methodAndPath[0].toLowerCase(Locale.ROOT)
                    + ".responses.'" + status + "'";
            assertThat(document.getString(response + ".content.'application/problem+json'.schema.'$ref'"))
                    .as(operation + " " + status)
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(document.getString(response + ".description"))
                    .as(operation + " " + status)
                    .isNotBlank();
        }));
        assertThat(document.getMap("components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "instance");
    }

    @Test
    void servesTheUploadPageAndProblemsForUnknownRoutes() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/app.js"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/index.html")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("img-src 'self' blob:"));
        given().get("/app.js")
                .then()
                .statusCode(200)
                .body(containsString("/v1/jobs"))
                .body(containsString("/events"));
        given().get("/v2/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atelier:problem:not-found"));
    }
}
