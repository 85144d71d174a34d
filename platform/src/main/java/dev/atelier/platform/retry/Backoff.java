package dev.atelier.platform.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff: the first wait, doubled after each failed attempt, up to a cap. With jitter, half of each
 * wait is fixed and half random ("equal jitter"), so that many clients failing together do not come back together.
 */
public record Backoff(Duration first, Duration max, boolean jitter) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max, was " + first + " and " + max);
        }
    }

    public static Backoff exponential(Duration first, Duration max) {
        return new Backoff(first, max, false);
    }

    public Backoff withJitter() {
        return new Backoff(first, max, true);
    }

    /** The wait after {@code failures} failed attempts (at least 1), in whole milliseconds. */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("a wait follows at least one failure, was " + failures);
        }
        long firstMillis = Math.max(1, first.toMillis());
        long doubled = Math.min(max.toMillis(), firstMillis << Math.min(failures - 1, 30));
        long wait = jitter ? doubled / 2 + ThreadLocalRandom.current().nextLong(doubled / 2 + 1) : doubled;
        return Duration.ofMillis(Math.max(1, wait));
    }
}
