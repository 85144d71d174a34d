package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A training SUCCEEDED: its model is published as {@code styleId@modelVersion} (files, manifest,
 * and the announcement on {@code atelier.models}).
 *
 * @param quality the quality figures of the manifest (losses on the held-out photos)
 */
public record TrainingCompleted(
        String trainingId,
        String tenant,
        String styleId,
        int modelVersion,
        String modelKey,
        Map<String, Double> quality,
        String device,
        Instant completedAt)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.TRAINING_COMPLETED;
    }

    @Override
    public String subject() {
        return trainingId;
    }
}
