package dev.atelier.gateway.jobs;

import dev.atelier.contracts.jobs.JobRecord;
import dev.atelier.contracts.jobs.JobStatus;
import java.util.Optional;

/**
 * How far a job has come: QUEUED, then RUNNING (once per attempt), then a final state. Its text form is
 * the id of a Server-Sent Event, so that {@code Last-Event-ID} resumes after the last state a client saw.
 *
 * @param stage 1 queued, 2 running, 3 final
 * @param attempts the record's attempt count
 */
public record JobProgress(int stage, int attempts) {

    public static JobProgress of(JobRecord record) {
        int stage = record.status() == JobStatus.QUEUED ? 1 : record.status() == JobStatus.RUNNING ? 2 : 3;
        return new JobProgress(stage, record.attempts());
    }

    /** @return empty for a missing or foreign id, which then replays from the current state */
    public static Optional<JobProgress> parse(String eventId) {
        if (eventId == null) {
            return Optional.empty();
        }
        String[] parts = eventId.trim().split("\\.");
        try {
            return parts.length == 2
                    ? Optional.of(new JobProgress(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isAfter(JobProgress other) {
        return stage != other.stage ? stage > other.stage : attempts > other.attempts;
    }

    public String eventId() {
        return stage + "." + attempts;
    }
}
