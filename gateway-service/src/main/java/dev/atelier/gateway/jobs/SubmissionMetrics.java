package dev.atelier.gateway.jobs;

import dev.atelier.gateway.problems.ProblemException;
import dev.atelier.gateway.problems.ProblemType;
import dev.atelier.platform.storage.StorageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * Counts submissions by outcome and reason ({@code atelier_job_submissions_total}) and times them
 * ({@code atelier_job_submit_latency_seconds}). The reason of a rejection is its problem slug.
 */
@Singleton
public class SubmissionMetrics {
    static final String SUBMISSIONS = "atelier.job.submissions";
    static final String LATENCY = "atelier.job.submit.latency";
    private static final String NONE = "none";

    private final MeterRegistry registry;

    SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front so dashboards see a zero, not an absent series, before the first job.
        counter("accepted", NONE);
    }

    /** Runs a submission, recording its outcome; rethrows whatever it throws. */
    public <T> T measure(Supplier<T> submission) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "rejected";
        String reason = ProblemType.INTERNAL_ERROR.slug();
        try {
            T result = submission.get();
            outcome = "accepted";
            reason = NONE;
            return result;
        } catch (ProblemException e) {
            reason = e.type().slug();
            throw e;
        } catch (StorageException e) {
            reason = ProblemType.STORAGE_UNAVAILABLE.slug();
            throw e;
        } finally {
            counter(outcome, reason).increment();
            sample.stop(Timer.builder(LATENCY)
                    .description("Time to accept or refuse a job submission")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    private Counter counter(String outcome, String reason) {
        return Counter.builder(SUBMISSIONS)
                .description("Job submissions by outcome and reason")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }
}
