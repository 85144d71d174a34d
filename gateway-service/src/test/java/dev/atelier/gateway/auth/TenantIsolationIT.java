package dev.atelier.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.atelier.contracts.datasets.DatasetManifest;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.contracts.training.ProgressSnapshot;
import dev.atelier.contracts.training.TrainingRecord;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants see only their own jobs and trainings: every id-bearing endpoint answers the owner 200
 * and another tenant 404 (never 403), so the same request is shown to succeed before it is shown
 * to be refused. Keys are issued through the admin API, as an operator would.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class TenantIsolationIT {
    private static final String ADMIN = "Bearer test-admin-key";
    private static final String DATASET = "photos";

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String ownerKey;
    private String otherKey;

    @BeforeEach
    void twoTenants() {
        Catalogs.ensureCandy(store, bootstrapServers);
        store.putJson(
                StorageKeys.datasetManifest(DATASET), new DatasetManifest(DATASET, "test", List.of(), Instant.now()));
        // Each request below names its own key (or none), not the tests' default one.
        RestAssured.requestSpecification = null;
        ownerKey = issue("acme");
        otherKey = issue("globex");
    }

    @Test
    void anotherTenantsJobAndResultAnswer404() {
        String id = as(ownerKey)
                .multiPart("image", "a.jpg", TestImages.jpeg(32, 32), "image/jpeg")
                .multiPart("style", "candy")
                .post("/v1/jobs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JobRecord queued =
                store.getJson(StorageKeys.job("acme", id), JobRecord.class).orElseThrow();
        assertThat(queued.tenant()).isEqualTo("acme");
        assertThat(queued.inputKey()).isEqualTo(StorageKeys.input("acme", id));
        String outputKey = StorageKeys.output("acme", id, queued.options().outputFormat());
        store.put(outputKey, TestImages.png(8, 8), "image/png");
        store.putJson(
                StorageKeys.job("acme", id),
                queued.running(1, "cpu", Instant.now()).succeeded(outputKey, 8, 8, Instant.now()));

        for (String path : List.of("/v1/jobs/" + id, "/v1/jobs/" + id + "/result")) {
            as(ownerKey).get(path).then().statusCode(200);
            as(otherKey)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:job-not-found"));
        }
        as(otherKey)
                .delete("/v1/jobs/" + id)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:atelier:problem:job-not-found"));
        as(otherKey)
                .get("/v1/jobs")
                .then()
                .statusCode(200)
                .body("jobs.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        as(ownerKey).get("/v1/jobs").then().statusCode(200).body("jobs.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void anotherTenantsTrainingAndPreviewAnswer404() {
        String id = as(ownerKey)
                .multiPart("image", "s.png", TestImages.png(64, 64), "image/png")
                .multiPart("styleId", "swirl")
                .multiPart("dataset", DATASET)
                .post("/v1/styles")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        TrainingRecord queued =
                store.getJson(StorageKeys.training(id), TrainingRecord.class).orElseThrow();
        assertThat(queued.tenant()).isEqualTo("acme");
        store.put(StorageKeys.trainingPreview(id, 10), TestImages.jpeg(8, 8), "image/jpeg");
        ProgressSnapshot progress = new ProgressSnapshot(
                10, 100, Map.of("style", 1.0), 1.0, 60L, StorageKeys.trainingPreview(id, 10), Instant.now());
        store.putJson(
                StorageKeys.training(id),
                queued.running("cpu", "t", 0, Instant.now()).progressed(progress, Instant.now()));

        for (String path : List.of("/v1/trainings/" + id, "/v1/trainings/" + id + "/preview")) {
            as(ownerKey).get(path).then().statusCode(200);
            as(otherKey)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:training-not-found"));
        }
    }

    @Test
    void anotherTenantsWebhookEndpointAndItsDeliveriesAnswer404() {
        // A public address literal: allowed without DNS; subscribed to an event no test here causes.
        String id = as(ownerKey)
                .contentType("application/json")
                .body("{\"url\":\"https://93.184.216.34/hooks\",\"eventTypes\":[\"job.expired\"]}")
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(ownerKey).get("/v1/webhooks/callbacks/secret").then().statusCode(200); // creates acme's callbacks endpoint

        for (String endpoint : List.of(id, "callbacks")) {
            for (String path : List.of("/v1/webhooks/" + endpoint, "/v1/webhooks/" + endpoint + "/deliveries")) {
                as(ownerKey).get(path).then().statusCode(200);
                as(otherKey)
                        .get(path)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:atelier:problem:webhook-not-found"));
            }
        }
        as(otherKey).get("/v1/webhooks/" + id + "/secret").then().statusCode(404);
        as(otherKey).delete("/v1/webhooks/" + id).then().statusCode(404);
        as(otherKey)
                .get("/v1/webhooks")
                .then()
                .statusCode(200)
                .body("endpoints.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        // The other tenant's own callbacks secret is its own, not acme's.
        String acmeSecret = as(ownerKey)
                .get("/v1/webhooks/callbacks/secret")
                .then()
                .extract()
                .path("secret");
        String globexSecret = as(otherKey)
                .get("/v1/webhooks/callbacks/secret")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        assertThat(globexSecret).startsWith("whsec_").isNotEqualTo(acmeSecret);
        as(ownerKey).delete("/v1/webhooks/" + id).then().statusCode(204);
        as(ownerKey).get("/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void everyV1CallWithoutAValidKeyIs401WithAChallenge() {
        String someId = "0190a5b2-7c1e-7d3f-8a2b-1c2d3e4f5a6b";
        List<String> gets = List.of(
                "/v1/jobs/" + someId,
                "/v1/jobs/" + someId + "/result",
                "/v1/styles",
                "/v1/styles/candy/preview",
                "/v1/trainings/" + someId,
                "/v1/trainings/" + someId + "/preview",
                "/v1/webhooks",
                "/v1/webhooks/callbacks/secret");
        for (String path : gets) {
            anonymous()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"atelier\"")
                    .body("type", equalTo("urn:atelier:problem:unauthorized"));
            anonymous()
                    .header("Authorization", "Bearer atl_" + "x".repeat(43))
                    .get(path)
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Bearer realm=\"atelier\", error=\"invalid_token\"");
        }
        for (String path : List.of("/v1/jobs", "/v1/styles")) {
            anonymous()
                    .multiPart("style", "candy")
                    .post(path)
                    .then()
                    .statusCode(401)
                    .body("type", equalTo("urn:atelier:problem:unauthorized"));
        }
        // Health and docs stay open: probes and people reading the API carry no key.
        anonymous().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void keysAreListedWithoutTheKeyAndRevokedAtOnce() {
        String key = issue("initech");
        as(key).get("/v1/styles").then().statusCode(200);
        String id = given().header("Authorization", ADMIN)
                .get("/admin/v1/tenants/initech/keys")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].prefix", equalTo(key.substring(0, 8)))
                .body("[0].lastUsedAt", org.hamcrest.Matchers.notNullValue())
                .extract()
                .path("[0].id");
        assertThat(given().header("Authorization", ADMIN)
                        .get("/admin/v1/tenants/initech/keys")
                        .asString())
                .doesNotContain(key);

        given().header("Authorization", ADMIN)
                .delete("/admin/v1/tenants/initech/keys/" + id)
                .then()
                .statusCode(204);
        as(key).get("/v1/styles").then().statusCode(401);
        given().header("Authorization", ADMIN)
                .delete("/admin/v1/tenants/initech/keys/" + id)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:atelier:problem:api-key-not-found"));
    }

    @Test
    void theAdminApiNeedsTheAdminKey() {
        anonymous()
                .post("/admin/v1/tenants/acme/keys")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"atelier-admin\"");
        // A tenant's key is no admin key.
        as(ownerKey).get("/admin/v1/tenants/acme/keys").then().statusCode(401);
        given().header("Authorization", ADMIN)
                .post("/admin/v1/tenants/Not_A_Tenant/keys")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:atelier:problem:invalid-option"));
    }

    private static String issue(String tenant) {
        String key = given().header("Authorization", ADMIN)
                .post("/admin/v1/tenants/" + tenant + "/keys")
                .then()
                .statusCode(201)
                .body("tenant", equalTo(tenant))
                .extract()
                .path("key");
        assertThat(key).startsWith("atl_").hasSize(47);
        return key;
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", TestTenants.bearer(key));
    }

    private static RequestSpecification anonymous() {
        return given();
    }
}
