package dev.atelier.trainer.engine;

/**
 * A training that cannot succeed, with a stable code a client can read in the training record (one of
 * {@link dev.atelier.contracts.errors.ErrorCodes}, e.g. {@code quality.below-gate}).
 */
public class TrainingFailure extends RuntimeException {
    private final String code;

    public TrainingFailure(String code, String message) {
        this(code, message, null);
    }

    public TrainingFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
