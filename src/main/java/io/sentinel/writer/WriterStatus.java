package io.sentinel.writer;

/** What a {@link BackgroundWriter} reports about itself: for metrics and for its owner's own answers. */
public interface WriterStatus {

    /** Short and stable, for metric tags and the thread name: {@code results}, {@code check-states}. */
    String name();

    /** Items waiting in memory, the batch being written included. */
    int queued();

    /** Items waiting in the spool file. */
    long spooled();

    /** Items taken and not yet written, refused or lost: in memory or in the spool. */
    long unwritten();

    long written();

    /** Attempts that failed and will be retried. */
    long failedAttempts();

    /** Items refused by the target as data, set aside in the rejected file when there is a spool. */
    long rejected();

    /** Items lost: no room and no spool, a spool that could not be written, left at shutdown without a spool. */
    long dropped();
}
