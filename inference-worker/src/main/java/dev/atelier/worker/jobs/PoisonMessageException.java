package dev.atelier.worker.jobs;

import dev.atelier.contracts.errors.ErrorCodes;

/** A record on the requests topic that is not a readable {@code JobRequested}; it goes to the DLQ as is. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(ErrorCodes.REQUEST_INVALID + ": " + message);
    }
}
