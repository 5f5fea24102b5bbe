package io.sentinel.store;

/**
 * The database could not answer a query or take a write that the caller needs to know about. The message
 * is already free of secrets.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
