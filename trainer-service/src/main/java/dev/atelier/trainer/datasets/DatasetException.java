package dev.atelier.trainer.datasets;

/** A dataset that cannot be trained on: missing, empty, or a photo that is not in S3 or does not decode. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
