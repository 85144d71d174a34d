package dev.atelier.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.contracts.models.ModelManifest;
import dev.atelier.contracts.storage.StorageKeys;
import dev.atelier.local.LocalStackTestResource;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.models.ModelFile;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.storage.ObjectStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Registering a model file is idempotent: the same bytes are always the same version, however often they come. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class ModelVersionsIT {
    @Inject
    ObjectStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theSameFileIsTheSameVersionEvenAfterAnotherWasPublished() {
        String styleId = "versions-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventPublisher events =
                new EventPublisher(new KafkaSettings(bootstrapServers), new CloudEventCodec("/atelier/test"))) {
            ModelPublisher publisher = new ModelPublisher(store, events, Clock.systemUTC());
            ModelFile ours = model("our model");
            ModelFile theirs = model("their model");

            assertThat(publisher.publish(styleId, "Style", ours).version()).isEqualTo(1);
            assertThat(publisher.publish(styleId, "Style", ours).version()).isEqualTo(1);
            assertThat(publisher.publish(styleId, "Style", theirs).version()).isEqualTo(2);
            for (int restart = 0; restart < 3; restart++) {
                assertThat(publisher.publish(styleId, "Style", ours).version()).isEqualTo(1);
                assertThat(publisher.publish(styleId, "Style", theirs).version())
                        .isEqualTo(2);
            }
            ModelManifest current = publisher.publish(styleId, "Style", ours);
            assertThat(current.version())
                    .as("the same bytes become current again, as version 1")
                    .isEqualTo(1);
            assertThat(publisher.publish(styleId, "Another title", ours).version())
                    .as("a new title is a new version")
                    .isEqualTo(3);
        }
        assertThat(store.exists(StorageKeys.manifest(styleId, 4))).isFalse();
    }

    private static ModelFile model(String content) {
        return new ModelFile(
                content.getBytes(StandardCharsets.UTF_8),
                "input1",
                "output1",
                List.of(-1L, 3L, -1L, -1L),
                null,
                "test");
    }
}
