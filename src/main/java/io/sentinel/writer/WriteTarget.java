package io.sentinel.writer;

import java.util.Iterator;

/**
 * Where a {@link BackgroundWriter} writes: a table, a file.
 *
 * @param <T> what is written
 */
public interface WriteTarget<T> {

    /**
     * Writes every item, as one unit where the target has units (one transaction). When it throws, the writer
     * writes the same items again later, so a target that may have kept part of them must take them twice
     * without harm (an insert-if-absent, an upsert, or a whole transaction rolled back).
     */
    void write(Iterator<? extends T> items) throws Exception;

    /**
     * True when {@code error} says these items can never be written (the database refused them as data), not that
     * the target is unavailable: the writer then writes them one by one and sets aside the ones refused.
     */
    default boolean refuses(Exception error) {
        return false;
    }

    /** How an item is named in a log line, starting with a capital: "The probe result of check home at …". */
    String describe(T item);
}
