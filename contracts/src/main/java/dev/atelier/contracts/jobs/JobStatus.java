package dev.atelier.contracts.jobs;

/** {@code QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED | EXPIRED}. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    EXPIRED;

    /** A final state never changes again; a redelivered job in a final state is not reworked. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
