package dev.atelier.gateway.trainings;

import dev.atelier.contracts.jobs.JobIds;
import dev.atelier.contracts.training.TrainingRecord;
import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import jakarta.inject.Singleton;

/** Reads trainings back: the record and its latest preview. */
@Singleton
public class TrainingQueries {
    private final TrainingStore trainings;

    TrainingQueries(TrainingStore trainings) {
        this.trainings = trainings;
    }

    /** @throws ProblemException {@code training-not-found}, also for ids that are not training ids at all */
    public TrainingRecord find(String tenant, String id) {
        // Checked before the id goes anywhere near an S3 key.
        if (!JobIds.isValid(id)) {
            throw notFound(id);
        }
        // Another tenant's training reads as absent (404, never 403): ids are not to be probed.
        return trainings.find(id).filter(r -> tenant.equals(r.tenant())).orElseThrow(() -> notFound(id));
    }

    /** @throws ProblemException {@code training-not-found}, or {@code not-found} before the first preview */
    public byte[] preview(String tenant, String id) {
        TrainingRecord record = find(tenant, id);
        String key = record.progress() == null ? null : record.progress().previewKey();
        if (key == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "training " + id + " has no preview yet")
                    .with("trainingId", id);
        }
        return trainings
                .get(key)
                .orElseThrow(
                        () -> new ProblemException(ProblemType.NOT_FOUND, "the preview of training " + id + " is gone")
                                .with("trainingId", id));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.TRAINING_NOT_FOUND, "there is no training '" + id + "'");
    }
}
