package dev.atelier.gateway.jobs;

import dev.atelier.contracts.events.JobRequested;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.platform.events.CloudEventCodec;
import dev.atelier.platform.events.TraceContext;
import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes {@code JobRequested} as a binary-mode CloudEvent keyed by job id, continuing the
 * submitter's trace, and returns only once Kafka acknowledged it (the channel is configured with
 * {@code acks=all} and an idempotent producer), so a 202 means the job is durable.
 */
@ApplicationScoped
public class JobRequestPublisher {
    /** The outgoing channel; its topic and serializers are in {@code application.properties}. */
    public static final String CHANNEL = "job-requests";
    /** The CloudEvents {@code source} of everything the gateway emits. */
    public static final String SOURCE = "/atelier/gateway";

    private final MutinyEmitter<CloudEvent> emitter;
    private final CloudEventCodec codec;
    private final Duration ackTimeout;

    JobRequestPublisher(@Channel(CHANNEL) MutinyEmitter<CloudEvent> emitter, GatewayConfig config, Clock clock) {
        this.emitter = emitter;
        this.codec = new CloudEventCodec(URI.create(SOURCE), clock);
        this.ackTimeout = config.queue().ackTimeout();
    }

    /** @throws JobQueueException when Kafka refuses the event or does not acknowledge it in time */
    public void publish(JobRequested event, TraceContext trace) {
        RecordHeaders headers = new RecordHeaders();
        trace.writeTo(headers);
        Message<CloudEvent> message = Message.of(codec.encode(event)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.jobId()).withHeaders(headers).build());
        try {
            emitter.sendMessage(message).await().atMost(ackTimeout);
        } catch (TimeoutException e) {
            throw new JobQueueException("Kafka did not acknowledge job " + event.jobId() + " within " + ackTimeout, e);
        } catch (RuntimeException e) {
            throw new JobQueueException("Kafka refused job " + event.jobId() + ": " + e.getMessage(), e);
        }
    }
}
