package dev.atelier.worker.jobs;

import ai.onnxruntime.OrtException;
import dev.atelier.contracts.errors.ErrorCodes;
import dev.atelier.imaging.ImageTooLargeException;
import dev.atelier.imaging.UndecodableImageException;
import dev.atelier.platform.retry.Retry;
import dev.atelier.platform.retry.Verdict;
import dev.atelier.platform.storage.StorageException;
import dev.atelier.worker.inference.InvalidModelException;
import dev.atelier.worker.inference.ModelUnavailableException;

/**
 * Maps what went wrong to a stable error code, and says whether trying again can help: the worker's list of what
 * is permanent, for the platform's {@link Retry}.
 */
public final class FailureClassifier implements Retry.Classifier<JobFailure> {
    /** For {@link Retry#run}. */
    public static final FailureClassifier RETRY = new FailureClassifier();

    private FailureClassifier() {}

    @Override
    public JobFailure failure(Exception thrown) {
        return classify(thrown);
    }

    /** The object store and Kafka being down are outages: while they are down not even the failure can be recorded. */
    @Override
    public Verdict verdict(JobFailure failure) {
        if (!failure.retryable()) {
            return Verdict.PERMANENT;
        }
        String code = failure.error().code();
        return code.equals(ErrorCodes.STORAGE_UNAVAILABLE) || code.equals(ErrorCodes.EVENTS_UNAVAILABLE)
                ? Verdict.OUTAGE
                : Verdict.TRANSIENT;
    }

    public static JobFailure classify(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof JobFailure known) {
            return known;
        } else if (failure instanceof WorkerStoppingException) {
            // Not retried here; JobProcessor.process hands it back so that the job is left for another worker.
            return new JobFailure(ErrorCodes.INTERNAL, message, false, failure);
        } else if (failure instanceof UndecodableImageException) {
            return new JobFailure(ErrorCodes.INPUT_UNDECODABLE, message, false, failure);
        } else if (failure instanceof ImageTooLargeException) {
            return new JobFailure(ErrorCodes.INPUT_TOO_LARGE, message, false, failure);
        } else if (failure instanceof InvalidModelException) {
            return new JobFailure(ErrorCodes.MODEL_INVALID, message, false, failure);
        } else if (failure instanceof ModelUnavailableException unavailable) {
            return new JobFailure(ErrorCodes.MODEL_UNAVAILABLE, message, unavailable.mayAppear(), failure);
        } else if (failure instanceof StorageException) {
            return new JobFailure(ErrorCodes.STORAGE_UNAVAILABLE, message, true, failure);
        } else if (failure instanceof EventPublishException) {
            return new JobFailure(ErrorCodes.EVENTS_UNAVAILABLE, message, true, failure);
        } else if (failure instanceof OrtException) {
            return new JobFailure(ErrorCodes.INFERENCE_FAILED, message, false, failure);
        }
        return new JobFailure(ErrorCodes.INTERNAL, failure.getClass().getName() + ": " + message, false, failure);
    }
}
