package dev.atelier.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(30));

    @Test
    void doublesFromTheFirstWaitUpToTheCap() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(backoff.after(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @RepeatedTest(20)
    void jitterKeepsHalfOfEachWaitFixed() {
        Duration wait = backoff.withJitter().after(3);
        assertThat(wait).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.after(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
