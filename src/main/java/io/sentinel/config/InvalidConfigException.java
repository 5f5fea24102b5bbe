package io.sentinel.config;

import io.sentinel.secret.Redactor;
import java.util.List;

/** Thrown when a configuration has problems; carries all of them, not just the first. */
public final class InvalidConfigException extends Exception {

    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " problem(s) in the configuration");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Every problem on its own line, ready to print. */
    public String report() {
        StringBuilder text = new StringBuilder();
        problems.forEach(problem -> text.append(Redactor.global().redact(problem.format())).append('\n'));
        return text.toString();
    }
}
