package dev.atelier.gateway.webhooks;

import dev.atelier.gateway.config.GatewayConfig;
import dev.atelier.platform.retry.Backoff;
import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: the platform's exponential {@link Backoff} with jitter, so that endpoints
 * that come back are not hit by every delivery at once; and never past the give-up time, where the last attempt is
 * made. A delivery's attempts are spread over time and processes (its record keeps them), so this is a schedule, not
 * a loop.
 */
final class RetrySchedule {
    private final Backoff backoff;
    private final Duration giveUpAfter;

    RetrySchedule(GatewayConfig.Webhooks settings) {
        this(settings.firstBackoff(), settings.maxBackoff(), settings.giveUpAfter());
    }

    RetrySchedule(Duration first, Duration max, Duration giveUpAfter) {
        this.backoff = Backoff.exponential(first, max).withJitter();
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
        Instant next = now.plus(backoff.after(attempts));
        return Instant.ofEpochMilli((next.isAfter(giveUpAt) ? giveUpAt : next).toEpochMilli());
    }
}
