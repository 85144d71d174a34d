package dev.atelier.imaging;

/** The input is not an image this worker can read, or it is truncated or corrupt. */
public class UndecodableImageException extends RuntimeException {
    public UndecodableImageException(String message) {
        super(message);
    }

    public UndecodableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
