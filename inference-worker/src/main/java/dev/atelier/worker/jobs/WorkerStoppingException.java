package dev.atelier.worker.jobs;

/**
 * A job stopped with the worker while it waited for room in the heap or for the model (the job threads interrupted,
 * or the model lane closed, at shutdown): it is neither failed nor acknowledged, so Kafka hands it to another worker.
 */
public class WorkerStoppingException extends RuntimeException {
    WorkerStoppingException(String waitingFor, Exception cause) {
        super("the worker is stopping; the job was waiting for " + waitingFor, cause);
    }
}
