package dev.atelier.gateway.queue;

/** Kafka did not acknowledge a request's event in time, or refused it: the request was not handed over. */
public class QueueException extends RuntimeException {
    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
