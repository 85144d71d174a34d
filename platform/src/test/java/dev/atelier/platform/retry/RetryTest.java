package dev.atelier.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
    static class Down extends RuntimeException {
        Down(String message) {
            super(message);
        }
    }

    static class Flaky extends RuntimeException {
        Flaky(String message) {
            super(message);
        }
    }

    private static final Retry.Classifier<RuntimeException> CLASSIFIER = Retry.Classifier.of(
            e -> e instanceof Down ? Verdict.OUTAGE : e instanceof Flaky ? Verdict.TRANSIENT : Verdict.PERMANENT);

    private final List<Duration> waits = new ArrayList<>();
    private final Retry retry = new Retry(
            "test",
            4,
            Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(250)),
            Duration.ofSeconds(2),
            wait -> waits.add(wait));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void retriesTransientFailuresWithGrowingBoundedBackoff() {
        String result = retry.run(
                number -> {
                    assertThat(number).isEqualTo(attempts.incrementAndGet());
                    if (number < 4) {
                        throw new Flaky("hiccup");
                    }
                    return "done";
                },
                CLASSIFIER);

        assertThat(result).isEqualTo("done");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void transientFailuresStopAtTheLastAttemptWithTheLastFailure() {
        assertThatThrownBy(() -> retry.run(
                        number -> {
                            attempts.incrementAndGet();
                            throw new Flaky("try " + number);
                        },
                        CLASSIFIER))
                .isInstanceOf(Flaky.class)
                .hasMessage("try 4");

        assertThat(attempts).hasValue(4);
    }

    @Test
    void anOutageIsRetriedForItsWindowWhateverTheAttempts() {
        assertThatThrownBy(() -> retry.run(
                        number -> {
                            attempts.incrementAndGet();
                            throw new Down("S3 down");
                        },
                        CLASSIFIER))
                .isInstanceOf(Down.class);

        // 100 + 200 + 250 * 7 = 2050 ms waited: the 2 s window is spent after the tenth attempt, not the fourth.
        assertThat(attempts).hasValue(10);
        assertThat(waits.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(2050);
    }

    @Test
    void neverRetriesPermanentFailuresAndWrapsCheckedOnes() {
        assertThatThrownBy(() -> retry.run(
                        number -> {
                            attempts.incrementAndGet();
                            throw new java.io.IOException("unexpected");
                        },
                        CLASSIFIER))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("unexpected");

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aPauseCutShortStopsTheRetriesWithTheFailureItWasToRetry() {
        Retry stopping = new Retry(
                "test",
                4,
                Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(250)),
                Retry.FOREVER,
                wait -> false);

        assertThatThrownBy(() -> stopping.run(
                        number -> {
                            attempts.incrementAndGet();
                            throw new Down("S3 down");
                        },
                        CLASSIFIER))
                .isInstanceOfSatisfying(
                        RetryStoppedException.class,
                        e -> assertThat(e.lastFailure()).isInstanceOf(Down.class));

        assertThat(attempts).hasValue(1);
    }

    @Test
    void anInterruptEndsTheSleepingPauseAndStaysSet() {
        Thread.currentThread().interrupt();
        try {
            assertThat(Retry.Pause.SLEEP.pause(Duration.ofSeconds(10))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
