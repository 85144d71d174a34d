package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.jobs.StepProgress;
import java.time.Instant;

/** A running optimisation job got further: its record holds the same progress. */
public record JobProgressed(String jobId, String tenant, String styleId, int attempt, StepProgress progress, Instant at)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.JOB_PROGRESSED;
    }

    @Override
    public String subject() {
        return jobId;
    }
}
