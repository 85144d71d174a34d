package dev.atelier.trainer.runs;

/** Kafka did not acknowledge an event (or a model announcement) in time. */
public class EventsUnavailableException extends RuntimeException {
    public EventsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
