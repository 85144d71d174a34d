package dev.atelier.gateway.queue;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.TraceContext;
import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends events on one outgoing channel as binary-mode CloudEvents keyed by subject, continuing the
 * caller's trace, and returns only once Kafka acknowledged them (the channels are configured with
 * {@code acks=all} and an idempotent producer), so a 202 means the request is durable.
 */
public final class AcknowledgedSender {
    /** The CloudEvents {@code source} of everything the gateway emits. */
    public static final String SOURCE = "/atelier/gateway";

    private final MutinyEmitter<CloudEvent> emitter;
    private final CloudEventCodec codec;
    private final Duration ackTimeout;

    public AcknowledgedSender(MutinyEmitter<CloudEvent> emitter, Clock clock, Duration ackTimeout) {
        this.emitter = emitter;
        this.codec = new CloudEventCodec(URI.create(SOURCE), clock);
        this.ackTimeout = ackTimeout;
    }

    /** @throws QueueException when Kafka refuses the event or does not acknowledge it in time */
    public void send(AtelierEvent event, TraceContext trace) {
        // The connector's tracing starts the send span in this trace and writes the traceparent header.
        Message<CloudEvent> message = Message.of(
                codec.encode(event),
                Metadata.of(
                        OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(event.subject())
                                .build(),
                        TracingMetadata.withCurrent(trace.context())));
        try {
            emitter.sendMessage(message).await().atMost(ackTimeout);
        } catch (TimeoutException e) {
            throw new QueueException(
                    "Kafka did not acknowledge " + event.eventType() + " " + event.subject() + " within " + ackTimeout,
                    e);
        } catch (RuntimeException e) {
            throw new QueueException(
                    "Kafka refused " + event.eventType() + " " + event.subject() + ": " + e.getMessage(), e);
        }
    }
}
