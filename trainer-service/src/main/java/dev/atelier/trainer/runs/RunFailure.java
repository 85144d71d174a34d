package dev.atelier.trainer.runs;

import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.contracts.jobs.JobError;
import dev.atelier.platform.storage.StorageException;
import dev.atelier.trainer.datasets.DatasetException;
import dev.atelier.trainer.engine.TrainingFailure;

/**
 * Why an attempt failed, in a client's words, and whether another attempt (resuming from the last
 * checkpoint) could succeed: only outages of S3 or Kafka are worth it.
 */
record RunFailure(JobError error, boolean retryable) {

    static RunFailure classify(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof TrainingFailure known) {
            return new RunFailure(new JobError(known.code(), message), false);
        } else if (failure instanceof DatasetException) {
            return new RunFailure(new JobError(ErrorCodes.DATASET_UNAVAILABLE, message), false);
        } else if (failure instanceof StorageException) {
            return new RunFailure(new JobError(ErrorCodes.STORAGE_UNAVAILABLE, message), true);
        } else if (failure instanceof EventsUnavailableException) {
            return new RunFailure(new JobError(ErrorCodes.EVENTS_UNAVAILABLE, message), true);
        }
        return new RunFailure(new JobError(ErrorCodes.INTERNAL, failure.getClass().getName() + ": " + message), false);
    }
}
