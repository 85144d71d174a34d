package dev.atelier.platform.retry;

/** The wait before another attempt was cut short (the thread interrupted, the service stopping). */
public class RetryStoppedException extends RuntimeException {
    private final transient Exception lastFailure;

    RetryStoppedException(Exception lastFailure) {
        super("stopped while waiting to retry after: " + lastFailure.getMessage(), lastFailure);
        this.lastFailure = lastFailure;
    }

    /** The failure that was to be retried. */
    public Exception lastFailure() {
        return lastFailure;
    }
}
