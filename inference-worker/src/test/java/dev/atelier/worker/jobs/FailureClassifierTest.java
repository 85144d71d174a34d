package dev.atelier.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.imaging.ImageTooLargeException;
import dev.atelier.imaging.UndecodableImageException;
import dev.atelier.platform.storage.StorageException;
import dev.atelier.worker.inference.InvalidModelException;
import dev.atelier.worker.inference.ModelUnavailableException;
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
}
