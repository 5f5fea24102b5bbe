package io.sentinel.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code routes:} section ({@link RoutesConfig}). */
final class RoutesReader {

    private RoutesReader() {
    }

    static RoutesConfig read(ConfigSection section) {
        List<String> include = new ArrayList<>();
        for (String file : section.textList("include")) {
            if (RoutesConfig.isPlainRelativeYaml(file)) {
                include.add(file);
            } else {
                section.problem("include", "routes.include names " + ProblemText.quote(file)
                        + ", which is not a .yaml file inside the routes directory",
                        "write a path relative to the routes directory, e.g. examples/heartbeat.yaml");
            }
        }
        Set<String> override = new LinkedHashSet<>();
        for (String id : section.textList("override")) {
            if (Identifiers.isValid(id)) {
                override.add(id);
            } else {
                section.problem("override", "routes.override names " + ProblemText.quote(id) + ", which is not a route id",
                        "list ids of built-in routes, e.g. [alerts]");
            }
        }
        section.finish();
        return new RoutesConfig(include, override);
    }
}
