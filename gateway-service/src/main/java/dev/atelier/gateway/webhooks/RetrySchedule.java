package dev.atelier.gateway.webhooks;

import dev.atelier.gateway.config.GatewayConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: exponential backoff (the first wait doubled after each attempt, up to
 * a cap) with equal jitter (half the wait fixed, half random), so that endpoints that come back are not hit by
 * every delivery at once; and never past the give-up time, where the last attempt is made.
 */
final class RetrySchedule {
    private final Duration first;
    private final Duration max;
    private final Duration giveUpAfter;

    RetrySchedule(GatewayConfig.Webhooks settings) {
        this(settings.firstBackoff(), settings.maxBackoff(), settings.giveUpAfter());
    }

    RetrySchedule(Duration first, Duration max, Duration giveUpAfter) {
        this.first = first;
        this.max = max;
        this.giveUpAfter = giveUpAfter;
    }

    /**
     * @param attempts how many attempts have failed so far (at least 1)
     * @return when to try again (whole milliseconds), or null to give up
     */
    Instant next(int attempts, Instant now, Instant createdAt) {
        Instant giveUpAt = createdAt.plus(giveUpAfter);
        if (!now.isBefore(giveUpAt)) {
            return null;
        }
        long backoff = Math.min(max.toMillis(), first.toMillis() << Math.min(attempts - 1, 30));
        long wait = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        Instant next = now.plusMillis(Math.max(1, wait));
        return Instant.ofEpochMilli((next.isAfter(giveUpAt) ? giveUpAt : next).toEpochMilli());
    }
}
