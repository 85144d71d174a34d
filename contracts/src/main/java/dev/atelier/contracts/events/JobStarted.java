package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import java.time.Instant;

/** A worker started running a job (attempt counts from 1). */
public record JobStarted(
        String jobId,
        String tenant,
        String styleId,
        int modelVersion,
        String executionProvider,
        int attempt,
        Instant startedAt)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.JOB_STARTED;
    }

    @Override
    public String subject() {
        return jobId;
    }
}
