package dev.atelier.contracts.events;

import dev.atelier.contracts.models.ModelManifest;
import java.util.Map;

/** The versioned event types and the record class each one maps to. */
public final class EventTypes {
    public static final String JOB_REQUESTED = "atelier.stylize.job.requested.v1";
    public static final String JOB_STARTED = "atelier.stylize.job.started.v1";
    public static final String JOB_COMPLETED = "atelier.stylize.job.completed.v1";
    public static final String JOB_FAILED = "atelier.stylize.job.failed.v1";
    public static final String MODEL_PUBLISHED = "atelier.model.published.v1";

    private static final Map<String, Class<? extends AtelierEvent>> RECORDS = Map.of(
            JOB_REQUESTED, JobRequested.class,
            JOB_STARTED, JobStarted.class,
            JOB_COMPLETED, JobCompleted.class,
            JOB_FAILED, JobFailed.class,
            MODEL_PUBLISHED, ModelManifest.class);

    private EventTypes() {
    }

    /** The record class for a type, or {@code null} for a type this version does not know. */
    public static Class<? extends AtelierEvent> recordFor(String type) {
        return RECORDS.get(type);
    }
}
