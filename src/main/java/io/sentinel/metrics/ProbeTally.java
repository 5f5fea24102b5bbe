package io.sentinel.metrics;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One check's probe figures between scrapes: how many probes, their total and longest latency, and how many
 * results of each outcome and failure class. A few dozen bytes and two small arrays (a check sees one or two
 * kinds of result), where a Micrometer timer and counters with their identifiers took about a kilobyte.
 *
 * <p>The longest latency is the longest of the current and the previous minute, as Micrometer's timer max
 * decays after a couple of minutes: a slow probe shows for one to two minutes.
 */
final class ProbeTally {

    static final long MAX_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final FailureClass[] FAILURE_CLASSES = FailureClass.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final int KINDS_PER_OUTCOME = FAILURE_CLASSES.length + 1;

    private final String checkId;
    private final String dependency;
    private long probes;
    private long totalNanos;
    private long maxNanos;
    private long previousMaxNanos;
    private long windowEndsAt;
    private int[] resultKinds = new int[0];
    private long[] resultCounts = new long[0];

    ProbeTally(String checkId, String dependency, long nowNanos) {
        this.checkId = checkId;
        this.dependency = dependency;
        this.windowEndsAt = nowNanos + MAX_WINDOW_NANOS;
    }

    String checkId() {
        return checkId;
    }

    String dependency() {
        return dependency;
    }

    synchronized void record(long latencyNanos, Outcome outcome, FailureClass failureClass, long nowNanos) {
        roll(nowNanos);
        probes++;
        totalNanos += latencyNanos;
        maxNanos = Math.max(maxNanos, latencyNanos);
        int kind = outcome.ordinal() * KINDS_PER_OUTCOME + (failureClass == null ? 0 : failureClass.ordinal() + 1);
        for (int i = 0; i < resultKinds.length; i++) {
            if (resultKinds[i] == kind) {
                resultCounts[i]++;
                return;
            }
        }
        resultKinds = Arrays.copyOf(resultKinds, resultKinds.length + 1);
        resultCounts = Arrays.copyOf(resultCounts, resultCounts.length + 1);
        resultKinds[resultKinds.length - 1] = kind;
        resultCounts[resultCounts.length - 1] = 1;
    }

    /** The figures as they are now, for one scrape. */
    synchronized Figures read(long nowNanos) {
        roll(nowNanos);
        return new Figures(probes, totalNanos / 1e9, Math.max(maxNanos, previousMaxNanos) / 1e9,
                resultKinds.clone(), resultCounts.clone());
    }

    private void roll(long nowNanos) {
        if (nowNanos - windowEndsAt >= 0) {
            // a whole window without probes forgets the previous one too
            boolean skippedOne = nowNanos - windowEndsAt >= MAX_WINDOW_NANOS;
            previousMaxNanos = skippedOne ? 0 : maxNanos;
            maxNanos = 0;
            windowEndsAt = nowNanos + MAX_WINDOW_NANOS;
        }
    }

    /** One check's figures at one scrape; result kinds decode to outcome and failure class (or "none"). */
    record Figures(long probes, double totalSeconds, double maxSeconds, int[] resultKinds, long[] resultCounts) {

        static String outcome(int kind) {
            return OUTCOMES[kind / KINDS_PER_OUTCOME].name();
        }

        static String failureClass(int kind) {
            int failure = kind % KINDS_PER_OUTCOME;
            return failure == 0 ? "none" : FAILURE_CLASSES[failure - 1].name();
        }
    }
}
