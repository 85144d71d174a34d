package dev.atelier.trainer.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The listener that saves the trainer's state to a {@link CheckpointStore} every {@code interval} steps and after the
 * last one, so a stopped or killed training loses at most {@code interval} steps.
 */
public final class Checkpointing implements TrainingListener {
    private final StyleTrainer trainer;
    private final CheckpointStore store;
    private final int interval;

    public Checkpointing(StyleTrainer trainer, CheckpointStore store, int interval) {
        this.trainer = trainer;
        this.store = store;
        this.interval = interval;
    }

    @Override
    public void onStep(StepReport report) {
        if (report.step() % interval == 0 || report.step() == report.steps()) {
            ByteArrayOutputStream state = new ByteArrayOutputStream();
            try {
                trainer.saveCheckpoint(state);
            } catch (IOException e) {
                throw new UncheckedIOException("the trainer's state did not serialise at step " + report.step(), e);
            }
            store.save(trainer.completedSteps(), state.toByteArray());
        }
    }
}
