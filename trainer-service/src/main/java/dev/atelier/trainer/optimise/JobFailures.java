package dev.atelier.trainer.optimise;

import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.imaging.ImageTooLargeException;
import dev.atelier.imaging.UndecodableImageException;
import dev.atelier.platform.events.EventPublishException;
import dev.atelier.platform.retry.Retry;
import dev.atelier.platform.retry.Verdict;
import dev.atelier.platform.storage.StorageException;
import dev.atelier.trainer.engine.TrainingFailure;
import dev.atelier.trainer.training.DivergedException;

/**
 * What went wrong with an optimisation job as a stable error code, and whether trying again can help: the object
 * store and Kafka being down may pass; bad input, a missing loss network or a diverged optimisation will not.
 */
final class JobFailures implements Retry.Classifier<JobFailures.Failure> {
    static final JobFailures RETRY = new JobFailures();

    /** A failure with its code; {@code retryable} when another attempt may pass. */
    static final class Failure extends RuntimeException {
        private final String code;
        private final boolean retryable;

        Failure(String code, String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.code = code;
            this.retryable = retryable;
        }

        String code() {
            return code;
        }
    }

    private JobFailures() {}

    @Override
    public Failure failure(Exception thrown) {
        return classify(thrown);
    }

    @Override
    public Verdict verdict(Failure failure) {
        return failure.retryable ? Verdict.TRANSIENT : Verdict.PERMANENT;
    }

    static Failure classify(Throwable thrown) {
        String message = thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
        if (thrown instanceof Failure known) {
            return known;
        } else if (thrown instanceof TrainingFailure failure) {
            return new Failure(failure.code(), message, false, thrown);
        } else if (thrown instanceof DivergedException) {
            return new Failure(ErrorCodes.OPTIMISATION_DIVERGED, message, false, thrown);
        } else if (thrown instanceof UndecodableImageException) {
            return new Failure(ErrorCodes.INPUT_UNDECODABLE, message, false, thrown);
        } else if (thrown instanceof ImageTooLargeException) {
            return new Failure(ErrorCodes.INPUT_TOO_LARGE, message, false, thrown);
        } else if (thrown instanceof StorageException) {
            return new Failure(ErrorCodes.STORAGE_UNAVAILABLE, message, true, thrown);
        } else if (thrown instanceof EventPublishException) {
            return new Failure(ErrorCodes.EVENTS_UNAVAILABLE, message, true, thrown);
        }
        return new Failure(ErrorCodes.INTERNAL, thrown.getClass().getName() + ": " + message, false, thrown);
    }
}
