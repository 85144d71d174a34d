package dev.atelier.platform.storage;

/** The object store could not be reached or refused an operation. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
