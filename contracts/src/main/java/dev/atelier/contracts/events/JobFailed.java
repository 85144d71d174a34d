package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.jobs.JobError;
import java.time.Instant;

/** A job ended FAILED; its record says why. */
public record JobFailed(String jobId, String tenant, String styleId, JobError error, int attempts, Instant failedAt)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.JOB_FAILED;
    }

    @Override
    public String subject() {
        return jobId;
    }
}
