package dev.atelier.trainer.runs;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.platform.events.EventPublishException;
import dev.atelier.platform.events.EventPublisher;
import dev.atelier.platform.events.TraceContext;
import dev.atelier.trainer.config.TrainerConfig;
import jakarta.inject.Singleton;

/** Publishes training events on the events topic, keyed by training id, durable (acks=all) before returning. */
@Singleton
public class TrainingEvents {
    private final EventPublisher publisher;
    private final String topic;

    public TrainingEvents(EventPublisher publisher, TrainerConfig config) {
        this.publisher = publisher;
        this.topic = config.eventsTopic();
    }

    /** @throws EventsUnavailableException when Kafka does not acknowledge the event */
    public void publish(AtelierEvent event, TraceContext trace) {
        try {
            publisher.publish(topic, event, trace);
        } catch (EventPublishException e) {
            throw new EventsUnavailableException(e.getMessage(), e);
        }
    }
}
