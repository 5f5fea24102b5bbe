package io.sentinel.routes;

import java.util.List;

/** The routes cannot run as they are; every problem found is listed. */
public final class InvalidRoutesException extends Exception {

    private final transient List<RouteProblem> problems;

    public InvalidRoutesException(List<RouteProblem> problems) {
        super(problems.size() + " problem(s) in the routes");
        this.problems = List.copyOf(problems);
    }

    public List<RouteProblem> problems() {
        return problems;
    }

    /** One line a problem, as printed by {@code validate} and logged by a refused change. */
    public List<String> reportLines() {
        return problems.stream().map(RouteProblem::toString).toList();
    }
}
