package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.training.TrainingOptions;
import dev.atelier.contracts.training.TrainingRecord;
import java.time.Instant;

/**
 * A training was accepted: the style image and the QUEUED record are in S3. Keyed by training id
 * on {@code atelier.training.requests}; a claim check, never pixels.
 */
public record TrainingRequested(
        String trainingId,
        String tenant,
        String styleId,
        String title,
        String styleImageKey,
        TrainingOptions options,
        Instant requestedAt)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.TRAINING_REQUESTED;
    }

    @Override
    public String subject() {
        return trainingId;
    }

    /** The QUEUED record the gateway wrote for this request, rebuilt when it is missing. */
    public TrainingRecord queuedRecord(Instant now) {
        return TrainingRecord.queued(
                trainingId, tenant, styleId, title, styleImageKey, options, requestedAt != null ? requestedAt : now);
    }
}
