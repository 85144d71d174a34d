package dev.atelier.trainer.requests;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Receives training requests. Training itself is not implemented yet, so the channel's commit
 * strategy is {@code ignore}: requests stay uncommitted for the consumer group and are read again
 * by the trainer that implements them.
 */
@ApplicationScoped
public class TrainingRequestListener {
    /** Channel bound to {@code atelier.training.requests} in application.properties. */
    public static final String CHANNEL = "training-requests";

    private static final Logger LOG = Logger.getLogger(TrainingRequestListener.class);

    private final Counter received;

    public TrainingRequestListener(MeterRegistry registry) {
        this.received = Counter.builder("atelier_training_requests_received")
                .description("Training requests received (not yet trained: training ships in a later release)")
                .register(registry);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void receive(CloudEvent request) {
        received.increment();
        LOG.warnf("training request %s (%s, subject %s) received; training is not implemented in this version, "
                + "the request stays uncommitted for the trainer that implements it", request.getId(), request.getType(), request.getSubject());
    }
}
