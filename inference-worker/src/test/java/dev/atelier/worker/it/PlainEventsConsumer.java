package dev.atelier.worker.it;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What an integration writes to read Atelier's events, per docs/events.md: a plain Kafka consumer with the
 * CloudEvents SDK's deserializer, and nothing of Atelier's code.
 */
final class PlainEventsConsumer implements AutoCloseable {
    private final KafkaConsumer<String, CloudEvent> consumer;

    PlainEventsConsumer(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "integration-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new CloudEventDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** The first event with this subject and type, or empty when none came within the wait. */
    Optional<CloudEvent> first(String subject, String type, Duration wait) {
        Instant until = Instant.now().plus(wait);
        while (Instant.now().isBefore(until)) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                CloudEvent event = record.value();
                if (event != null && subject.equals(event.getSubject()) && type.equals(event.getType())) {
                    return Optional.of(event);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
