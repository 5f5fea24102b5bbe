package io.sentinel.writer;

import java.time.Duration;

/**
 * How a {@link BackgroundWriter}'s thread waits between rounds: for the linger, or for the backoff after a
 * failure. Injected so that tests move a clock instead of sleeping.
 */
public interface Pause {

    /** Waits for up to {@code longest}, less when {@link #wake()} is called meanwhile or was called before. */
    void await(Duration longest);

    /** Ends the current or the next wait at once. */
    void wake();

    /** Parks the waiting thread; the default. */
    static Pause parking() {
        return new ParkingPause();
    }
}
