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
 * @param step the optimisation steps reported done while RUNNING (each report is news), else 0
 */
public record JobProgress(int stage, int attempts, int step) {

    public static JobProgress of(JobRecord record) {
        int stage = record.status() == JobStatus.QUEUED ? 1 : record.status() == JobStatus.RUNNING ? 2 : 3;
        int step = stage == 2 && record.progress() != null ? record.progress().step() : 0;
        return new JobProgress(stage, record.attempts(), step);
    }

    /** @return empty for a missing or foreign id, which then replays from the current state */
    public static Optional<JobProgress> parse(String eventId) {
        if (eventId == null) {
            return Optional.empty();
        }
        String[] parts = eventId.trim().split("\\.");
        try {
            return switch (parts.length) {
                case 2 -> Optional.of(new JobProgress(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 0));
                case 3 ->
                    Optional.of(new JobProgress(
                            Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isAfter(JobProgress other) {
        if (stage != other.stage) {
            return stage > other.stage;
        }
        return attempts != other.attempts ? attempts > other.attempts : step > other.step;
    }

    /** {@code stage.attempts}, and {@code .step} once an optimisation reported progress. */
    public String eventId() {
        return stage + "." + attempts + (step > 0 ? "." + step : "");
    }
}
