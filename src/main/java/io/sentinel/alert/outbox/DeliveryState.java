package io.sentinel.alert.outbox;

/** Where a notification stands. */
public enum DeliveryState {
    /** Waiting to be sent, or to be retried at its next attempt time. */
    PENDING,
    /** Held back by a silence or maintenance window; released or suppressed when it ends. */
    HELD,
    /** The channel took it. */
    DELIVERED,
    /** The channel refused it for good; its content went out over the other channels. */
    FAILED,
    /** Held, then found stale when the silence ended (the problem was over): deliberately never sent. */
    SUPPRESSED;

    public boolean isFinished() {
        return this == DELIVERED || this == FAILED || this == SUPPRESSED;
    }
}
