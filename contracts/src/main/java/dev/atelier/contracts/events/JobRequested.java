package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.jobs.ImageInfo;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.Optimisation;
import java.time.Instant;

/**
 * A job was accepted: its input and record are in S3. A claim check: object keys, never pixels.
 *
 * @param requestedVersion a pinned model version, or null for the style's current one
 * @param optimisation the painting and settings of an optimisation job (published on its own topic); null for a
 *     feed-forward job
 */
public record JobRequested(
        String jobId,
        String tenant,
        String styleId,
        Integer requestedVersion,
        String inputKey,
        ImageInfo input,
        JobOptions options,
        Instant requestedAt,
        Optimisation optimisation)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.JOB_REQUESTED;
    }

    @Override
    public String subject() {
        return jobId;
    }
}
