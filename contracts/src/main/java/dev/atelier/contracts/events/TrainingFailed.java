package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.jobs.JobError;
import java.time.Instant;

/** A training ended FAILED; its record says why. */
public record TrainingFailed(
        String trainingId, String tenant, String styleId, JobError error, int attempts, Instant failedAt)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.TRAINING_FAILED;
    }

    @Override
    public String subject() {
        return trainingId;
    }
}
