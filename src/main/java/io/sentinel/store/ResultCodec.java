package io.sentinel.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.writer.LineCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON forms of probe results: the readings column and the lines of the spool file. */
final class ResultCodec implements LineCodec<ProbeResult> {

    private static final TypeReference<LinkedHashMap<String, Double>> READINGS = new TypeReference<>() {
    };

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // a spool written by a newer version must still replay here
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String readingsToJson(Map<String, Double> readings) {
        return write(readings);
    }

    Map<String, Double> readingsFromJson(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, READINGS);
        } catch (JsonProcessingException error) {
            throw new IllegalArgumentException(
                    "readings are not a JSON object of numbers: " + error.getOriginalMessage());
        }
    }

    @Override
    public String toLine(ProbeResult result) {
        return write(SpooledResult.of(result));
    }

    /** @throws IllegalArgumentException when the line is not a whole, valid result (a torn last line after a crash) */
    @Override
    public ProbeResult fromLine(String line) {
        try {
            return mapper.readValue(line, SpooledResult.class).toResult();
        } catch (JsonProcessingException | RuntimeException error) {
            throw new IllegalArgumentException("not a spooled probe result: " + error.getMessage(), error);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException error) {
            // only maps of finite numbers and plain records get here; failing means a programming error
            throw new IllegalStateException("cannot write JSON", error);
        }
    }

    /**
     * The spool line, kept apart from {@link ProbeResult} so that the file format does not change by accident
     * when the record grows a convenience method.
     */
    record SpooledResult(String checkId, String dependency, Instant startedAt, Duration latency, Outcome outcome,
                         FailureClass failureClass, int httpStatus, String message, Map<String, Double> readings) {

        static SpooledResult of(ProbeResult result) {
            return new SpooledResult(result.checkId(), result.dependency(), result.startedAt(), result.latency(),
                    result.outcome(), result.failureClass(), result.httpStatus(), result.message(), result.readings());
        }

        ProbeResult toResult() {
            return new ProbeResult(checkId, dependency, startedAt, latency, outcome, failureClass, httpStatus,
                    message, readings);
        }
    }
}
