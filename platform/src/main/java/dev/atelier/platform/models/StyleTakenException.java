package dev.atelier.platform.models;

/**
 * A version was offered for a style id that belongs to another owner (another tenant, or every tenant). Permanent:
 * offering it again gives the same answer.
 */
public class StyleTakenException extends RuntimeException {
    public StyleTakenException(String message) {
        super(message);
    }
}
