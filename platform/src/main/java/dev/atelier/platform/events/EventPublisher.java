package dev.atelier.platform.events;

import dev.atelier.contracts.AtelierEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events with a plain Kafka producer, for code that does not use the services' reactive messaging
 * channels: the model publisher (in the trainer and the command line) and the command-line tools. Binary-mode
 * CloudEvents keyed by subject, durable (acks=all, idempotent) before {@link #publish} returns.
 */
public final class EventPublisher implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, CloudEvent> producer;
    private final CloudEventCodec codec;

    public EventPublisher(KafkaSettings kafka, CloudEventCodec codec) {
        Map<String, Object> properties = kafka.clientProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        // Kafka 4 lingers 5 ms by default, and delivery.timeout.ms must cover linger.ms + request.timeout.ms
        // (30 s): without this the producer refuses to start. One event at a time gains nothing from lingering.
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new CloudEventSerializer());
        this.codec = codec;
    }

    /**
     * Sends the event and waits until Kafka acknowledged it.
     *
     * @throws EventPublishException when Kafka did not take it
     */
    public void publish(String topic, AtelierEvent event, TraceContext trace) {
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(topic, event.subject(), codec.encode(event));
        trace.writeTo(record.headers());
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while publishing " + event.eventType(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new EventPublishException(
                    "Kafka did not acknowledge " + event.eventType() + " on " + topic + ": " + cause, cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
