package dev.atelier.gateway.trainings;

import dev.atelier.contracts.events.TrainingRequested;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.queue.AcknowledgedSender;
import dev.atelier.gateway.queue.QueueException;
import dev.atelier.platform.events.TraceContext;
import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes {@code TrainingRequested} keyed by training id and returns once Kafka acknowledged it. */
@ApplicationScoped
public class TrainingRequestPublisher {
    /** The outgoing channel; its topic and serializers are in {@code application.properties}. */
    public static final String CHANNEL = "training-requests";

    private final AcknowledgedSender sender;

    TrainingRequestPublisher(@Channel(CHANNEL) MutinyEmitter<CloudEvent> emitter, GatewayConfig config, Clock clock) {
        this.sender = new AcknowledgedSender(emitter, clock, config.queue().ackTimeout());
    }

    /** @throws QueueException when Kafka refuses the event or does not acknowledge it in time */
    public void publish(TrainingRequested event, TraceContext trace) {
        sender.send(event, trace);
    }
}
