package dev.atelier.platform.events;

/** Kafka did not take an event: refused it, did not acknowledge it in time, or the sender was interrupted. Transient. */
public class EventPublishException extends RuntimeException {
    public EventPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
