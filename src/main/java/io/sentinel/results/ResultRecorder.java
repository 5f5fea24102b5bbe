package io.sentinel.results;

import io.sentinel.probe.ProbeResult;
import java.util.List;

/** Hands every result to each place that keeps results (the database, the daily report). */
public final class ResultRecorder {

    private final List<ResultSink> sinks;

    public ResultRecorder(List<ResultSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    public ProbeResult record(ProbeResult result) {
        for (ResultSink sink : sinks) {
            sink.append(result);
        }
        return result;
    }
}
