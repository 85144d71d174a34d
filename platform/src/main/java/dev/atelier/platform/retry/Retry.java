package dev.atelier.platform.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs an attempt until it succeeds, its failure is {@link Verdict#PERMANENT}, a {@link Verdict#TRANSIENT}
 * failure has used up {@code maxAttempts}, or an {@link Verdict#OUTAGE} has been waited out for longer than the
 * outage window. The caller's classifier is the explicit list of what is permanent; the failure given up on is
 * thrown as the classifier translated it.
 *
 * <p>Immutable and thread-safe: one instance serves every caller with the same settings.
 */
public final class Retry {
    private static final Logger LOG = Logger.getLogger(Retry.class);

    /** Forever: for outages that must be waited out, whatever it takes (the caller stops by its {@link Pause}). */
    public static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    /** One attempt; {@code number} counts from 1. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int number) throws Exception;
    }

    /** Waits between attempts; false when the wait was cut short and no further attempt should be made. */
    @FunctionalInterface
    public interface Pause {
        boolean pause(Duration wait);

        /** Sleeps the thread; an interrupt ends the retries (and stays set). */
        Pause SLEEP = wait -> {
            try {
                Thread.sleep(wait.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /**
     * Turns what an attempt threw into the failure the caller deals in, and judges it.
     *
     * @param <F> the caller's failure type, thrown when the retries end
     */
    public interface Classifier<F extends RuntimeException> {
        F failure(Exception thrown);

        Verdict verdict(F failure);

        /** Runtime exceptions as they are (a checked one wrapped), judged by {@code verdict}. */
        static Classifier<RuntimeException> of(Function<RuntimeException, Verdict> verdict) {
            return new Classifier<>() {
                @Override
                public RuntimeException failure(Exception thrown) {
                    return thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
                }

                @Override
                public Verdict verdict(RuntimeException failure) {
                    return verdict.apply(failure);
                }
            };
        }
    }

    private final String what;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration outageWindow;
    private final Pause pause;

    /**
     * @param what what is tried, for the log ("job 42", "the fan-out of event 7")
     * @param maxAttempts attempts for transient failures, at least 1
     * @param outageWindow how long outages are retried, whatever the attempts ({@link #FOREVER} for no limit)
     */
    public Retry(String what, int maxAttempts, Backoff backoff, Duration outageWindow, Pause pause) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed, was " + maxAttempts);
        }
        this.what = what;
        this.maxAttempts = maxAttempts;
        this.backoff = Objects.requireNonNull(backoff);
        this.outageWindow = Objects.requireNonNull(outageWindow);
        this.pause = Objects.requireNonNull(pause);
    }

    /** The same settings for another thing tried. */
    public Retry named(String what) {
        return new Retry(what, maxAttempts, backoff, outageWindow, pause);
    }

    /**
     * @throws F the permanent failure, or the last retryable one once its attempts or outage window are spent
     * @throws RetryStoppedException when the pause before another attempt was cut short
     */
    public <T, F extends RuntimeException> T run(Attempt<T> attempt, Classifier<F> classifier) {
        Duration waited = Duration.ZERO;
        for (int number = 1; ; number++) {
            F failure;
            try {
                return attempt.run(number);
            } catch (Exception e) {
                failure = classifier.failure(e);
            }
            Verdict verdict = classifier.verdict(failure);
            boolean spent = switch (verdict) {
                case PERMANENT -> true;
                case TRANSIENT -> number >= maxAttempts;
                case OUTAGE -> waited.compareTo(outageWindow) >= 0;
            };
            if (spent) {
                throw failure;
            }
            Duration wait = backoff.after(number);
            waited = waited.plus(wait);
            LOG.warnf(
                    "%s: attempt %d failed (%s); retrying in %d ms%s",
                    what,
                    number,
                    failure.getMessage(),
                    wait.toMillis(),
                    verdict == Verdict.OUTAGE
                            ? outageNote()
                            : " (attempt " + (number + 1) + " of " + maxAttempts + ")");
            if (!pause.pause(wait)) {
                throw new RetryStoppedException(failure);
            }
        }
    }

    private String outageNote() {
        return outageWindow.equals(FOREVER)
                ? " (an outage: retried until it ends)"
                : " (an outage: retried for up to " + outageWindow.toSeconds() + " s)";
    }
}
