package dev.atelier.trainer.config;

import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.KafkaSettings;
import dev.atelier.platform.models.ModelPublisher;
import dev.atelier.platform.storage.ObjectStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The trainer's own clients (the object store and the clock come from platform-quarkus): one durable
 * Kafka producer (acks=all, idempotent; training events and model announcements are sent synchronously
 * from the training thread, so the platform's blocking publisher fits better than an emitter) and the
 * model publisher. Closed on shutdown.
 */
@Singleton
public class Infrastructure {
    /** CloudEvents {@code source} of everything the trainer emits. */
    public static final String SOURCE = "/atelier/trainer";

    @Produces
    @Singleton
    EventPublisher events(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new EventPublisher(
                new KafkaSettings(bootstrapServers, Map.of("client.id", "atelier-trainer-events")),
                new CloudEventCodec(SOURCE));
    }

    void close(@Disposes EventPublisher events) {
        events.close();
    }

    @Produces
    @Singleton
    ModelPublisher models(ObjectStore store, EventPublisher events, Clock clock) {
        return new ModelPublisher(store, events, clock);
    }
}
