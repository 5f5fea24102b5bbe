package io.sentinel.probe.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A path into a JSON document such as {@code .data.items[0].id}: field names and array indexes. */
record JsonPath(List<Step> steps) {

    /** One step of a path: a field of an object, or an element of an array. */
    sealed interface Step {
        Optional<JsonNode> from(JsonNode node);
    }

    record Field(String name) implements Step {
        @Override
        public Optional<JsonNode> from(JsonNode node) {
            return node.isObject() ? Optional.ofNullable(node.get(name)) : Optional.empty();
        }

        @Override
        public String toString() {
            return "." + name;
        }
    }

    record Index(int position) implements Step {
        @Override
        public Optional<JsonNode> from(JsonNode node) {
            return node.isArray() ? Optional.ofNullable(node.get(position)) : Optional.empty();
        }

        @Override
        public String toString() {
            return "[" + position + "]";
        }
    }

    JsonPath {
        steps = List.copyOf(steps);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The node at the end of the path, or empty when any step leads nowhere. */
    Optional<JsonNode> find(JsonNode root) {
        Optional<JsonNode> current = Optional.of(root);
        for (Step step : steps) {
            current = current.flatMap(step::from);
        }
        return current;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        steps.forEach(text::append);
        return text.toString();
    }
}
