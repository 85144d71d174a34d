package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import java.time.Instant;

/**
 * A trainer started a training, or resumed it after a restart.
 *
 * @param device where it runs ({@code cpu}, {@code cuda:0})
 * @param attempt counts from 1; above 1 the training was resumed
 * @param resumedFromStep the checkpoint it continues from, 0 when from scratch
 */
public record TrainingStarted(
        String trainingId,
        String tenant,
        String styleId,
        String device,
        int attempt,
        int resumedFromStep,
        int totalSteps,
        Instant startedAt)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.TRAINING_STARTED;
    }

    @Override
    public String subject() {
        return trainingId;
    }
}
