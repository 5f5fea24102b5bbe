package io.sentinel.results;

import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Hands every result to each place that keeps results (the database, the daily report). */
public final class ResultRecorder implements Processor {

    private final List<ResultSink> sinks;

    public ResultRecorder(List<ResultSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /** The results route's step: the exchange's result kept; the body stays as it is. */
    @Override
    public void process(Exchange exchange) {
        record(ProbeExchange.result(exchange));
    }

    public ProbeResult record(ProbeResult result) {
        for (ResultSink sink : sinks) {
            sink.append(result);
        }
        return result;
    }
}
