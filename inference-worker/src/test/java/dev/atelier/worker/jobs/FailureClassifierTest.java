package dev.atelier.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.imaging.ImageTooLargeException;
import dev.atelier.imaging.UndecodableImageException;
import dev.atelier.platform.retry.Backoff;
import dev.atelier.platform.retry.Retry;
import dev.atelier.platform.retry.Verdict;
import dev.atelier.platform.storage.StorageException;
import dev.atelier.worker.inference.InvalidModelException;
import dev.atelier.worker.inference.ModelUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void givesEveryFailureAStableCodeAndSaysWhetherRetryingHelps() {
        assertFailure(new UndecodableImageException("bad"), ErrorCodes.INPUT_UNDECODABLE, false);
        assertFailure(new ImageTooLargeException("big"), ErrorCodes.INPUT_TOO_LARGE, false);
        assertFailure(new InvalidModelException("sha256 mismatch"), ErrorCodes.MODEL_INVALID, false);
        assertFailure(new ModelUnavailableException("no version 9", false), ErrorCodes.MODEL_UNAVAILABLE, false);
        assertFailure(new ModelUnavailableException("not in catalog yet", true), ErrorCodes.MODEL_UNAVAILABLE, true);
        assertFailure(new StorageException("timeout", null), ErrorCodes.STORAGE_UNAVAILABLE, true);
        assertFailure(new EventPublishException("no ack", null), ErrorCodes.EVENTS_UNAVAILABLE, true);
        assertFailure(new OrtException("invalid dimensions"), ErrorCodes.INFERENCE_FAILED, false);
        assertFailure(new NullPointerException("oops"), ErrorCodes.INTERNAL, false);
    }

    @Test
    void aJobStoppedWithTheWorkerIsNotRetriedAndKeepsWhyForTheProcessorToLeaveItToAnotherWorker() {
        WorkerStoppingException stopping = new WorkerStoppingException("the model", new InterruptedException());
        JobFailure failure = FailureClassifier.classify(stopping);
        assertThat(failure.getCause()).isSameAs(stopping);
        assertVerdict(stopping, Verdict.PERMANENT);
    }

    @Test
    void storageAndKafkaAreOutagesWaitedOutOtherRetryableFailuresAreTransientTheRestPermanent() {
        assertVerdict(new StorageException("S3 down", null), Verdict.OUTAGE);
        assertVerdict(new EventPublishException("no ack", null), Verdict.OUTAGE);
        assertVerdict(new ModelUnavailableException("udnie@3 is not published yet", true), Verdict.TRANSIENT);
        assertVerdict(new ModelUnavailableException("no version 9", false), Verdict.PERMANENT);
        assertVerdict(new UndecodableImageException("truncated JPEG"), Verdict.PERMANENT);
    }

    @Test
    void underTheRetryAnOutageOutlastsTheAttemptsAndEndsWithItsCode() {
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = new Retry(
                "job",
                4,
                Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(250)),
                Duration.ofSeconds(2),
                wait -> true);

        assertThatThrownBy(() -> retry.run(
                        number -> {
                            attempts.incrementAndGet();
                            throw new StorageException("S3 down", null);
                        },
                        FailureClassifier.RETRY))
                .isInstanceOfSatisfying(
                        JobFailure.class, f -> assertThat(f.error().code()).isEqualTo(ErrorCodes.STORAGE_UNAVAILABLE));
        assertThat(attempts).hasValue(10); // 100 + 200 + 250 * 7 ms: the 2 s window is spent after the tenth

        attempts.set(0);
        assertThatThrownBy(() -> retry.run(
                        number -> {
                            attempts.incrementAndGet();
                            throw new UndecodableImageException("truncated JPEG");
                        },
                        FailureClassifier.RETRY))
                .isInstanceOfSatisfying(
                        JobFailure.class, f -> assertThat(f.error().code()).isEqualTo(ErrorCodes.INPUT_UNDECODABLE));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void keepsTheMessageReadable() {
        JobFailure failure = FailureClassifier.classify(new InvalidModelException("sha256: expected ab, got cd"));

        assertThat(failure.error().message()).isEqualTo("sha256: expected ab, got cd");
        assertThat(failure.getMessage()).isEqualTo("model.invalid: sha256: expected ab, got cd");
    }

    private static void assertFailure(Exception cause, String code, boolean retryable) {
        JobFailure failure = FailureClassifier.classify(cause);
        assertThat(failure.error().code()).as(cause.toString()).isEqualTo(code);
        assertThat(failure.retryable()).as(cause.toString()).isEqualTo(retryable);
    }

    private static void assertVerdict(Exception cause, Verdict verdict) {
        assertThat(FailureClassifier.RETRY.verdict(FailureClassifier.RETRY.failure(cause)))
                .as(cause.toString())
                .isEqualTo(verdict);
    }
}
