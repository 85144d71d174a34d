package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.models.ModelManifest;
import java.util.Map;

/** The versioned event types and the record class each one maps to. */
public final class EventTypes {
    public static final String JOB_REQUESTED = "atelier.stylize.job.requested.v1";
    public static final String JOB_STARTED = "atelier.stylize.job.started.v1";
    public static final String JOB_PROGRESSED = "atelier.stylize.job.progressed.v1";
    public static final String JOB_COMPLETED = "atelier.stylize.job.completed.v1";
    public static final String JOB_FAILED = "atelier.stylize.job.failed.v1";
    public static final String JOB_CANCELLED = "atelier.stylize.job.cancelled.v1";
    public static final String JOB_EXPIRED = "atelier.stylize.job.expired.v1";
    public static final String MODEL_PUBLISHED = ModelManifest.EVENT_TYPE;
    public static final String TRAINING_REQUESTED = "atelier.training.requested.v1";
    public static final String TRAINING_STARTED = "atelier.training.started.v1";
    public static final String TRAINING_PROGRESS = "atelier.training.progress.v1";
    public static final String TRAINING_COMPLETED = "atelier.training.completed.v1";
    public static final String TRAINING_FAILED = "atelier.training.failed.v1";

    private static final Map<String, Class<? extends AtelierEvent>> RECORDS = Map.ofEntries(
            Map.entry(JOB_REQUESTED, JobRequested.class),
            Map.entry(JOB_STARTED, JobStarted.class),
            Map.entry(JOB_PROGRESSED, JobProgressed.class),
            Map.entry(JOB_COMPLETED, JobCompleted.class),
            Map.entry(JOB_FAILED, JobFailed.class),
            Map.entry(JOB_CANCELLED, JobCancelled.class),
            Map.entry(JOB_EXPIRED, JobExpired.class),
            Map.entry(MODEL_PUBLISHED, ModelManifest.class),
            Map.entry(TRAINING_REQUESTED, TrainingRequested.class),
            Map.entry(TRAINING_STARTED, TrainingStarted.class),
            Map.entry(TRAINING_PROGRESS, TrainingProgress.class),
            Map.entry(TRAINING_COMPLETED, TrainingCompleted.class),
            Map.entry(TRAINING_FAILED, TrainingFailed.class));

    private EventTypes() {}

    /** The record class for a type, or {@code null} for a type this version does not know. */
    public static Class<? extends AtelierEvent> recordFor(String type) {
        return RECORDS.get(type);
    }
}
