package dev.atelier.trainer.runs;

import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.platform.retry.Retry;
import dev.atelier.platform.retry.Verdict;
import dev.atelier.platform.storage.StorageException;
import dev.atelier.trainer.datasets.DatasetException;
import dev.atelier.trainer.engine.TrainingFailure;

/**
 * Why an attempt failed, in a client's words, and whether another attempt (resuming from the last checkpoint) could
 * succeed: only outages of S3 or Kafka are worth it. {@link #CLASSIFIER} is the trainer's list for the platform's
 * {@link Retry}.
 */
final class RunFailure extends RuntimeException {
    static final Retry.Classifier<RunFailure> CLASSIFIER = new Retry.Classifier<>() {
        @Override
        public RunFailure failure(Exception thrown) {
            return classify(thrown);
        }

        @Override
        public Verdict verdict(RunFailure failure) {
            return failure.retryable ? Verdict.TRANSIENT : Verdict.PERMANENT;
        }
    };

    private final transient JobError error;
    private final boolean retryable;

    private RunFailure(JobError error, boolean retryable, Throwable cause) {
        super(error.code() + ": " + error.message(), cause);
        this.error = error;
        this.retryable = retryable;
    }

    JobError error() {
        return error;
    }

    boolean retryable() {
        return retryable;
    }

    static RunFailure classify(Throwable failure) {
        if (failure instanceof RunFailure known) {
            return known;
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof TrainingFailure known) {
            return new RunFailure(new JobError(known.code(), message), false, failure);
        } else if (failure instanceof DatasetException) {
            return new RunFailure(new JobError(ErrorCodes.DATASET_UNAVAILABLE, message), false, failure);
        } else if (failure instanceof StorageException) {
            return new RunFailure(new JobError(ErrorCodes.STORAGE_UNAVAILABLE, message), true, failure);
        } else if (failure instanceof EventsUnavailableException) {
            return new RunFailure(new JobError(ErrorCodes.EVENTS_UNAVAILABLE, message), true, failure);
        }
        return new RunFailure(
                new JobError(ErrorCodes.INTERNAL, failure.getClass().getName() + ": " + message), false, failure);
    }
}
