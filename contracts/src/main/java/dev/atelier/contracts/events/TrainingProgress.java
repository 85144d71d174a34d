package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.training.ProgressSnapshot;

/** Step, losses, speed, ETA and the latest preview of a running training. */
public record TrainingProgress(String trainingId, String tenant, String styleId, ProgressSnapshot progress)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.TRAINING_PROGRESS;
    }

    @Override
    public String subject() {
        return trainingId;
    }
}
