package dev.atelier.trainer.engine;

/** The service is stopping: the training ends here without a final state and resumes from its checkpoint later. */
public class TrainingStoppedException extends RuntimeException {
    public TrainingStoppedException(String message) {
        super(message, null, false, false);
    }
}
