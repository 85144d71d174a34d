package dev.atelier.worker.inference;

/** A model file that cannot serve: wrong checksum, not ONNX, or not the shape its manifest claims. */
public class InvalidModelException extends RuntimeException {
    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
