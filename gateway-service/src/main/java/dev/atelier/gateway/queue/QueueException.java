package dev.atelier.gateway.jobs;

/** Kafka did not acknowledge a job's event in time, or refused it: the job was not handed to the workers. */
public class JobQueueException extends RuntimeException {
    public JobQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
