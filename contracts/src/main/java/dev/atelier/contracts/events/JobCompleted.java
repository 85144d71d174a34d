package dev.atelier.contracts.events;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.jobs.OutputFormat;
import java.time.Instant;

/**
 * A job SUCCEEDED: its output and updated record are in S3.
 *
 * @param queueWaitMs from acceptance by the gateway to the start of inference
 * @param inferenceMs time spent in the model (pre- and post-processing excluded)
 */
public record JobCompleted(
        String jobId,
        String tenant,
        String styleId,
        int modelVersion,
        String outputKey,
        OutputFormat outputFormat,
        int width,
        int height,
        String executionProvider,
        long queueWaitMs,
        long inferenceMs,
        Instant completedAt)
        implements AtelierEvent {

    @Override
    public String eventType() {
        return EventTypes.JOB_COMPLETED;
    }

    @Override
    public String subject() {
        return jobId;
    }
}
