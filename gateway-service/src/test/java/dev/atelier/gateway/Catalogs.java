package dev.atelier.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.models.ModelFile;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Puts a style into the catalog the way the trainer does (model and manifest in S3, manifest on
 * {@code atelier.models}) and waits until the gateway lists it. The model bytes are not a real
 * network: the gateway never runs models.
 */
public final class Catalogs {
    public static final String STYLE = "candy";

    private Catalogs() {}

    public static void ensureCandy(ObjectStore store, String bootstrapServers) {
        TestTenants.signIn(store);
        try (EventPublisher events =
                new EventPublisher(new KafkaSettings(bootstrapServers), new CloudEventCodec("/atelier/test"))) {
            // Same bytes every time: publishing again re-announces version 1 instead of adding versions.
            ModelFile model = new ModelFile(
                    "not a real model".getBytes(StandardCharsets.UTF_8),
                    "input",
                    "output",
                    List.of(1L, 3L, -1L, -1L),
                    TestImages.jpeg(32, 32),
                    "gateway tests");
            new ModelPublisher(store, events, Clock.systemUTC()).publish(STYLE, "Candy", model);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> given().get("/v1/styles").then().statusCode(200).body("styles.id", hasItem(STYLE)));
    }
}
