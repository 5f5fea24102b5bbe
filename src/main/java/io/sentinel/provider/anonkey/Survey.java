package io.sentinel.provider.anonkey;

import io.sentinel.model.FailureClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What one probe read: its findings, how many bundles it read, and what stopped it from reading others. */
final class Survey {

    /**
     * A bundle that could not be read.
     *
     * @param path          the bundle's path, for messages (never a query string)
     * @param failureClass  how reading it failed
     * @param reason        what happened, e.g. "HTTP 404"
     */
    record Unread(String path, FailureClass failureClass, String reason) {
        Unread {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(failureClass, "failureClass");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final Findings findings = new Findings();
    private final List<Unread> unread = new ArrayList<>();
    private int bundlesRead;
    private int truncated;
    private boolean outOfTime;

    Findings findings() {
        return findings;
    }

    void bundleRead(boolean wasTruncated) {
        bundlesRead++;
        if (wasTruncated) {
            truncated++;
        }
    }

    void unread(Unread bundle) {
        unread.add(bundle);
    }

    void outOfTime() {
        outOfTime = true;
    }

    int bundlesRead() {
        return bundlesRead;
    }

    int truncated() {
        return truncated;
    }

    boolean isOutOfTime() {
        return outOfTime;
    }

    List<Unread> unreadBundles() {
        return List.copyOf(unread);
    }
}
