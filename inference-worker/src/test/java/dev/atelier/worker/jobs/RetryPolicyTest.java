package dev.atelier.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.imaging.UndecodableImageException;
import dev.atelier.platform.storage.StorageException;
import dev.atelier.worker.inference.ModelUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofSeconds(2), waits::add);
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void retriesTransientFailuresWithGrowingBoundedBackoff() {
        String result = policy.run(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw new StorageException("S3 hiccup", null);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void anOutageIsRetriedForItsWindowWhateverTheAttemptsThenGivesUpWithTheError() {
        assertThatThrownBy(() -> policy.run(() -> {
            attempts.incrementAndGet();
            throw new StorageException("S3 down", null);
        })).isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.error().code()).isEqualTo(ErrorCodes.STORAGE_UNAVAILABLE));

        // 100 + 200 + 250 * 7 = 2050 ms waited: the 2 s window is spent after the tenth attempt, not the fourth.
        assertThat(attempts).hasValue(10);
        assertThat(waits.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(2050);
    }

    @Test
    void otherTransientFailuresStopAtTheLastAttempt() {
        assertThatThrownBy(() -> policy.run(() -> {
            attempts.incrementAndGet();
            throw new ModelUnavailableException("udnie@3 is not published yet", true);
        })).isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.error().code()).isEqualTo(ErrorCodes.MODEL_UNAVAILABLE));

        assertThat(attempts).hasValue(4);
    }

    @Test
    void neverRetriesPermanentFailures() {
        assertThatThrownBy(() -> policy.run(() -> {
            attempts.incrementAndGet();
            throw new UndecodableImageException("truncated JPEG");
        })).isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.error().code()).isEqualTo(ErrorCodes.INPUT_UNDECODABLE));

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }
}
