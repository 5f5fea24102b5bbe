package io.sentinel.probe.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.condition.Observed.Found;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** A part of the response named in square brackets: {@code [STATUS]}, {@code [BODY].data.id} … */
sealed interface Placeholder {

    String NOT_JSON = "body is not JSON";

    PlaceholderKind kind();

    Observed read(ResponseView response);

    /** For {@code len(…)}: the length of the value as text; JSON arrays and objects override it with their size. */
    default Observed length(ResponseView response) {
        Observed value = read(response);
        return value instanceof Found found ? Found.number(found.text().length()) : value;
    }

    /** For {@code has(…)}. */
    default boolean isPresent(ResponseView response) {
        return read(response) instanceof Found;
    }

    /** Numeric placeholders only compare with numbers, which lets the parser reject {@code [STATUS] == OK}. */
    default boolean isNumeric() {
        return false;
    }

    record Status() implements Placeholder {
        @Override
        public PlaceholderKind kind() {
            return PlaceholderKind.STATUS;
        }

        @Override
        public Observed read(ResponseView response) {
            return Found.number(response.status());
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String toString() {
            return "[STATUS]";
        }
    }

    /** In milliseconds, as Gatus writes it. */
    record ResponseTime() implements Placeholder {
        @Override
        public PlaceholderKind kind() {
            return PlaceholderKind.RESPONSE_TIME;
        }

        @Override
        public Observed read(ResponseView response) {
            return Found.number(response.latency().toMillis());
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String toString() {
            return "[RESPONSE_TIME]";
        }
    }

    /** The whole body as text when the path is empty, else the JSON value at the path. */
    record Body(JsonPath path) implements Placeholder {
        public Body {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public PlaceholderKind kind() {
            return PlaceholderKind.BODY;
        }

        @Override
        public Observed read(ResponseView response) {
            return path.isEmpty() ? Found.text(response.body()) : atPath(response, Found::json);
        }

        @Override
        public Observed length(ResponseView response) {
            return path.isEmpty() ? Found.number(response.body().length())
                    : atPath(response, node -> Found.number(node.isContainerNode() ? node.size() : node.asText().length()));
        }

        /** A JSON {@code null} counts as absent: {@code has()} asks whether there is a value. */
        @Override
        public boolean isPresent(ResponseView response) {
            return path.isEmpty() ? !response.body().isEmpty()
                    : response.json().flatMap(path::find).filter(node -> !node.isNull()).isPresent();
        }

        private Observed atPath(ResponseView response, Function<JsonNode, Found> reading) {
            Optional<JsonNode> root = response.json();
            if (root.isEmpty()) {
                return new Observed.Unreadable(NOT_JSON);
            }
            return path.find(root.get()).<Observed>map(reading).orElseGet(Observed.Missing::new);
        }

        @Override
        public String toString() {
            return "[BODY]" + path;
        }
    }

    /** A missing header reads as the empty string, so {@code [HEADER].X-Cache == ""} tests for its absence. */
    record Header(String name) implements Placeholder {
        public Header {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public PlaceholderKind kind() {
            return PlaceholderKind.HEADER;
        }

        @Override
        public Observed read(ResponseView response) {
            return Found.text(response.header(name).orElse(""));
        }

        @Override
        public boolean isPresent(ResponseView response) {
            return response.header(name).isPresent();
        }

        @Override
        public String toString() {
            return "[HEADER]." + name;
        }
    }
}
