package dev.atelier.worker.jobs;

import dev.atelier.contracts.errors.ErrorCodes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Bounded retries with exponential backoff for one delivery of a job: transient failures are tried
 * again up to {@code maxAttempts}, permanent ones at once given up. Attempts are idempotent (fixed
 * keys), so repeating one is safe.
 */
public final class RetryPolicy {
    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);

    /** One attempt. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    /** Waits between attempts (a seam for tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration outageWindow;
    private final Sleeper sleeper;

    /**
     * @param outageWindow how long failures of the object store or of Kafka are retried, whatever the attempts: while
     *     they are down nothing can record the job's failure either, so giving up would strand it (RUNNING, its request
     *     dead-lettered)
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration outageWindow, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.outageWindow = outageWindow;
        this.sleeper = sleeper;
    }

    /** @throws JobFailure the permanent failure, or the last transient one once attempts (or the outage window) are spent */
    public <T> T run(Attempt<T> attempt) {
        Duration waited = Duration.ZERO;
        for (int number = 1; ; number++) {
            JobFailure failure;
            try {
                return attempt.run();
            } catch (Exception e) {
                failure = FailureClassifier.classify(e);
            }
            boolean outage = isOutage(failure);
            if (!failure.retryable() || (outage ? waited.compareTo(outageWindow) >= 0 : number >= maxAttempts)) {
                throw failure;
            }
            Duration wait = backoff(number);
            waited = waited.plus(wait);
            LOG.warnf("attempt %d failed (%s); retrying in %d ms%s", number, failure.getMessage(), wait.toMillis(),
                    outage ? " (an outage: retried for up to " + outageWindow.toSeconds() + " s)" : " (of " + maxAttempts + ")");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    private static boolean isOutage(JobFailure failure) {
        String code = failure.error().code();
        return code.equals(ErrorCodes.STORAGE_UNAVAILABLE) || code.equals(ErrorCodes.EVENTS_UNAVAILABLE);
    }

    /** The wait after attempt {@code number}: initial, doubled each time, capped. */
    Duration backoff(int number) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(number - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
