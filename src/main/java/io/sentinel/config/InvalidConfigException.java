package io.sentinel.config;

import io.sentinel.secret.Redactor;
import java.util.List;
import java.util.stream.Stream;

/** Thrown when a configuration has problems; carries all of them, not just the first. */
public final class InvalidConfigException extends Exception {

    /** A report lists this many problems: past that, a damaged file would print one line per byte. */
    public static final int MAX_REPORTED = 200;

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

    /**
     * The problems to show, at most {@value #MAX_REPORTED}: past that, one more line, at the position of the
     * first problem left out, says how many more there are.
     */
    public List<String> reportLines() {
        if (problems.size() <= MAX_REPORTED) {
            return problems.stream().map(ConfigProblem::format).toList();
        }
        ConfigProblem firstLeftOut = problems.get(MAX_REPORTED);
        ConfigProblem more = new ConfigProblem(firstLeftOut.file(), firstLeftOut.line(), firstLeftOut.column(),
                (problems.size() - MAX_REPORTED) + " more problem(s) from here on are not listed",
                "fix the ones above and validate again");
        return Stream.concat(problems.stream().limit(MAX_REPORTED), Stream.of(more))
                .map(ConfigProblem::format).toList();
    }

    /** The problems to show, each on its own line, ready to print. */
    public String report() {
        StringBuilder text = new StringBuilder();
        reportLines().forEach(line -> text.append(Redactor.global().redact(line)).append('\n'));
        return text.toString();
    }
}
