package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import java.time.Instant;

/** A job ended CANCELLED: its owner cancelled it before inference started. */
public record JobCancelled(String jobId, String tenant, String styleId, Instant cancelledAt) implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.JOB_CANCELLED;
    }

    @Override
    public String subject() {
        return jobId;
    }
}
