package dev.atelier.gateway.jobs;

import dev.atelier.contracts.events.JobRequested;
import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.gateway.queue.AcknowledgedSender;
import dev.atelier.gateway.queue.QueueException;
import dev.atelier.platform.events.TraceContext;
import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes {@code JobRequested} keyed by job id and returns once Kafka acknowledged it: feed-forward jobs to the
 * workers' topic, optimisation jobs to the trainers' own, so that minutes-long optimisations never queue ahead of
 * feed-forward jobs.
 */
@ApplicationScoped
public class JobRequestPublisher {
    /** The outgoing channels; their topics and serializers are in {@code application.properties}. */
    public static final String CHANNEL = "job-requests";

    public static final String OPTIMISE_CHANNEL = "optimise-requests";

    private final AcknowledgedSender feedForward;
    private final AcknowledgedSender optimise;

    JobRequestPublisher(
            @Channel(CHANNEL) MutinyEmitter<CloudEvent> feedForward,
            @Channel(OPTIMISE_CHANNEL) MutinyEmitter<CloudEvent> optimise,
            GatewayConfig config,
            Clock clock) {
        this.feedForward =
                new AcknowledgedSender(feedForward, clock, config.queue().ackTimeout());
        this.optimise = new AcknowledgedSender(optimise, clock, config.queue().ackTimeout());
    }

    /** @throws QueueException when Kafka refuses the event or does not acknowledge it in time */
    public void publish(JobRequested event, TraceContext trace) {
        (event.optimisation() != null ? optimise : feedForward).send(event, trace);
    }
}
