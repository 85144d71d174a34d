package dev.atelier.trainer.training;

import java.util.Optional;

/**
 * Where a training keeps its latest checkpoint; it survives the trainer (the service keeps it in S3, the offline
 * starter command in a file).
 */
public interface CheckpointStore {

    /** The latest checkpoint, or empty when the training starts from scratch. */
    Optional<Checkpoint> latest();

    /**
     * Replaces the latest checkpoint; durable when it returns.
     *
     * @param step steps done when the state was taken (the training resumes with step + 1)
     * @param state the trainer's own serialisation ({@link TrainerCheckpoint})
     */
    void save(int step, byte[] state);

    /** A saved state and the number of steps it had done. */
    record Checkpoint(int step, byte[] state) {}
}
