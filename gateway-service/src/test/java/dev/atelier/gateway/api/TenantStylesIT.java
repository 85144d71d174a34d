package dev.atelier.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.atelier.contracts.datasets.DatasetManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.gateway.Catalogs;
import dev.atelier.gateway.TestImages;
import dev.atelier.gateway.TestTenants;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.models.ModelFile;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.models.StyleTakenException;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A style a tenant trained is that tenant's: only it lists it, uses it and sees its preview; for everyone
 * else it does not exist, and nobody else (nor a public style) can take its id.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class TenantStylesIT {
    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String ownerKey;
    private String otherKey;
    private String styleId;

    @BeforeEach
    void aPrivateStyle() {
        Catalogs.ensureCandy(store, bootstrapServers);
        RestAssured.requestSpecification = null;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ownerKey = TestTenants.issue(store, "owner-" + suffix);
        otherKey = TestTenants.issue(store, "other-" + suffix);
        styleId = "private-" + suffix;
        store.putJson(
                StorageKeys.datasetManifest("photos"), new DatasetManifest("photos", "test", List.of(), Instant.now()));
        try (EventPublisher events =
                new EventPublisher(new KafkaSettings(bootstrapServers), new CloudEventCodec("/atelier/test"))) {
            ModelFile model = new ModelFile(
                    "a trained model".getBytes(StandardCharsets.UTF_8),
                    "input1",
                    "output1",
                    List.of(-1L, 3L, -1L, -1L),
                    TestImages.jpeg(16, 16),
                    "training t1");
            new ModelPublisher(store, events, Clock.systemUTC()).publish(styleId, "Mine", model, "owner-" + suffix);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        as(ownerKey).get("/v1/styles").then().statusCode(200).body("styles.id", hasItem(styleId)));
    }

    @Test
    void onlyItsOwnerListsUsesAndPreviewsIt() {
        as(otherKey)
                .get("/v1/styles")
                .then()
                .statusCode(200)
                .body("styles.id", not(hasItem(styleId)))
                .body("styles.id", hasItem("candy"));
        as(otherKey).get("/v1/styles/" + styleId + "/preview").then().statusCode(404);
        as(ownerKey)
                .get("/v1/styles/" + styleId + "/preview")
                .then()
                .statusCode(200)
                .contentType("image/jpeg");

        job(otherKey)
                .multiPart("style", styleId)
                .post("/v1/jobs")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:atelier:problem:unknown-style"))
                .body("availableStyles", not(hasItem(styleId)));
        job(otherKey).multiPart("style", styleId + "@1").post("/v1/jobs").then().statusCode(422);
        job(ownerKey).multiPart("style", styleId).post("/v1/jobs").then().statusCode(202);
    }

    @Test
    void nobodyElseTrainsUnderItsIdNorUnderAPublicStylesId() {
        for (String[] taken : new String[][] {{otherKey, styleId}, {ownerKey, "candy"}}) {
            as(taken[0])
                    .multiPart("image", "s.png", TestImages.png(64, 64), "image/png")
                    .multiPart("styleId", taken[1])
                    .multiPart("dataset", "photos")
                    .post("/v1/styles")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atelier:problem:style-id-taken"));
        }
        as(ownerKey)
                .multiPart("image", "s.png", TestImages.png(64, 64), "image/png")
                .multiPart("styleId", styleId)
                .multiPart("dataset", "photos")
                .post("/v1/styles")
                .then()
                .statusCode(202);
    }

    @Test
    void thePublisherItselfRefusesAVersionFromAnyoneButTheOwner() {
        ModelFile other = new ModelFile(
                "another model".getBytes(StandardCharsets.UTF_8),
                "input1",
                "output1",
                List.of(-1L, 3L, -1L, -1L),
                null,
                "elsewhere");
        try (EventPublisher events =
                new EventPublisher(new KafkaSettings(bootstrapServers), new CloudEventCodec("/atelier/test"))) {
            ModelPublisher publisher = new ModelPublisher(store, events, Clock.systemUTC());
            for (String notTheOwner : new String[] {null, "someone-else"}) {
                assertThatThrownBy(() -> publisher.publish(styleId, "Theirs", other, notTheOwner))
                        .isInstanceOf(StyleTakenException.class)
                        .hasMessageContaining("belongs to another tenant");
            }
            assertThatThrownBy(() -> publisher.publish("candy", "Candy", other, "someone-else"))
                    .isInstanceOf(StyleTakenException.class)
                    .hasMessageContaining("belongs to every tenant");
        }
        assertThat(store.exists(StorageKeys.manifest(styleId, 2))).isFalse();
    }

    private static RequestSpecification job(String key) {
        return as(key).multiPart("image", "a.jpg", TestImages.jpeg(32, 24), "image/jpeg");
    }

    private static RequestSpecification as(String key) {
        return given().header("Authorization", TestTenants.bearer(key));
    }
}
