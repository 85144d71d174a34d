package dev.atelier.trainer.training;

/** Told after every step (progress events, metrics, checkpoints every N steps). Runs on the training thread. */
@FunctionalInterface
public interface TrainingListener {
    void onStep(StepReport report);
}
