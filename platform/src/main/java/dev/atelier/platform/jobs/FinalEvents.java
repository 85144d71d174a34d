package dev.atelier.platform.jobs;

import dev.atelier.contracts.AtelierEvent;
import dev.atelier.contracts.events.JobCancelled;
import dev.atelier.contracts.events.JobCompleted;
import dev.atelier.contracts.events.JobExpired;
import dev.atelier.contracts.events.JobFailed;
import dev.atelier.contracts.jobs.JobOptions;
import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The final event of a job rebuilt from its record, re-announced when a finished job is delivered
 * again: the worker or trainer may have died after writing the record but before its event was acknowledged.
 */
public final class FinalEvents {
    private FinalEvents() {}

    public static Optional<AtelierEvent> of(JobRecord record) {
        if (record.status() == JobStatus.SUCCEEDED) {
            JobOptions options = record.options() != null ? record.options() : JobOptions.defaults();
            // The record keeps no inference time; the attempt's run time is its upper bound.
            return Optional.of(new JobCompleted(
                    record.id(),
                    record.tenant(),
                    record.styleId(),
                    orZero(record.modelVersion()),
                    record.outputKey(),
                    options.outputFormat(),
                    orZero(record.outputWidth()),
                    orZero(record.outputHeight()),
                    record.executionProvider(),
                    millis(record.createdAt(), record.startedAt()),
                    millis(record.startedAt(), record.finishedAt()),
                    record.finishedAt()));
        }
        if (record.status() == JobStatus.FAILED) {
            return Optional.of(new JobFailed(
                    record.id(),
                    record.tenant(),
                    record.styleId(),
                    record.error(),
                    record.attempts(),
                    record.finishedAt()));
        }
        if (record.status() == JobStatus.CANCELLED) {
            return Optional.of(new JobCancelled(record.id(), record.tenant(), record.styleId(), record.finishedAt()));
        }
        if (record.status() == JobStatus.EXPIRED) {
            return Optional.of(new JobExpired(
                    record.id(), record.tenant(), record.styleId(), record.deadline(), record.finishedAt()));
        }
        return Optional.empty();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static long millis(Instant from, Instant to) {
        return from == null || to == null
                ? 0
                : Math.max(0, Duration.between(from, to).toMillis());
    }
}
