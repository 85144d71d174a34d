package dev.atelier.contracts.training;

/** {@code QUEUED -> RUNNING -> SUCCEEDED | FAILED}; a trainer restarted mid-way goes from RUNNING to RUNNING. */
public enum TrainingStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    /** A final state never changes again; a redelivered request in a final state is not trained again. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
