package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import java.time.Instant;

/** A job ended EXPIRED: its deadline passed before inference started. */
public record JobExpired(String jobId, String tenant, String styleId, Instant deadline, Instant expiredAt)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.JOB_EXPIRED;
    }

    @Override
    public String subject() {
        return jobId;
    }
}
