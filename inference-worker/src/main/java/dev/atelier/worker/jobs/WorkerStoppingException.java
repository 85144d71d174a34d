package dev.atelier.worker.jobs;

/**
 * A job interrupted while it waited for room in the heap or for the model (the worker's job threads stopped at
 * shutdown): it is neither failed nor acknowledged, so Kafka hands it to another worker.
 */
public class WorkerStoppingException extends RuntimeException {
    WorkerStoppingException(String waitingFor, InterruptedException cause) {
        super("the worker is stopping; interrupted while waiting for " + waitingFor, cause);
    }
}
