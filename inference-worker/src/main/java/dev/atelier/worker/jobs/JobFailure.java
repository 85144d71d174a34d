package dev.atelier.worker.jobs;

import dev.atelier.contracts.jobs.JobError;

/**
 * Why an attempt failed, as a client will read it, and whether another attempt could succeed. Its
 * message ({@code code: text}) becomes the {@code dead-letter-reason} header on the DLQ.
 */
public class JobFailure extends RuntimeException {
    private final transient JobError error;
    private final boolean retryable;

    public JobFailure(String code, String message, boolean retryable, Throwable cause) {
        super(code + ": " + message, cause);
        this.error = new JobError(code, message);
        this.retryable = retryable;
    }

    public static JobFailure permanent(String code, String message) {
        return new JobFailure(code, message, false, null);
    }

    public JobError error() {
        return error;
    }

    public boolean retryable() {
        return retryable;
    }
}
