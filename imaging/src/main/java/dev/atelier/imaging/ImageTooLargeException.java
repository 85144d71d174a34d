package dev.atelier.imaging;

/** The input's header announces more pixels than the worker accepts; it was not decoded. */
public class ImageTooLargeException extends RuntimeException {
    public ImageTooLargeException(String message) {
        super(message);
    }
}
