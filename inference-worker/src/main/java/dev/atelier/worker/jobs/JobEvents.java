package dev.atelier.worker.jobs;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.worker.config.WorkerConfig;
import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes job events on {@link Channels#EVENTS} as CloudEvents keyed by job id, continuing the
 * request's trace, and waits until Kafka acknowledged each one (acks=all), so a job's offset is
 * never committed before its events are durable.
 */
@Singleton
public class JobEvents {
    /** CloudEvents {@code source} of everything this service emits. */
    public static final String SOURCE = "/atelier/inference-worker";

    private final Emitter<CloudEvent> emitter;
    private final CloudEventCodec codec = new CloudEventCodec(SOURCE);
    private final Duration ackTimeout;

    public JobEvents(@Channel(Channels.EVENTS) Emitter<CloudEvent> emitter, WorkerConfig config) {
        this.emitter = emitter;
        this.ackTimeout = config.eventAckTimeout();
    }

    /** @throws EventPublishException when Kafka refuses the event or does not acknowledge it in time */
    public void publish(AtelierEvent event, TraceContext trace) {
        await(send(event, trace), event);
    }

    /**
     * Sends the event without waiting: the future completes when Kafka acknowledged it. Events of one job keep their
     * order (same key, same partition, an idempotent producer). Whoever sends one must {@link #await} it before the
     * job's request is acknowledged.
     */
    public CompletableFuture<Void> send(AtelierEvent event, TraceContext trace) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.subject())
                .build();
        CompletableFuture<Void> acked = new CompletableFuture<>();
        // The connector's tracing starts the send span under the job's span and writes the traceparent header.
        Message<CloudEvent> message = Message.of(
                codec.encode(event),
                Metadata.of(kafka, TracingMetadata.withCurrent(trace.context())),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** @throws EventPublishException when Kafka refused the event or did not acknowledge it in time */
    public void await(CompletableFuture<Void> acked, AtelierEvent event) {
        try {
            acked.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while publishing " + event.eventType(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new EventPublishException(
                    "Kafka did not acknowledge " + event.eventType() + " for " + event.subject() + ": " + cause, cause);
        }
    }
}
