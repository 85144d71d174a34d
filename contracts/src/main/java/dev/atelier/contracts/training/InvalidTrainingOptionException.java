package dev.atelier.contracts.training;

/** A training option out of its bounds; {@link #field()} names it, as the API's problem documents do. */
public class InvalidTrainingOptionException extends IllegalArgumentException {
    private final String field;

    public InvalidTrainingOptionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
