package io.sentinel.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** What every reader of one file shares: the file name, the environment, and the problems found so far. */
final class ReadContext {

    private final Path file;
    private final EnvInterpolator interpolator;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ReadContext(Path file, EnvInterpolator interpolator) {
        this.file = file;
        this.interpolator = interpolator;
    }

    Path file() {
        return file;
    }

    EnvInterpolator interpolator() {
        return interpolator;
    }

    void problem(Node node, String message, String hint) {
        problem(node == null ? Optional.empty() : node.getStartMark(), message, hint);
    }

    void problem(Optional<Mark> mark, String message, String hint) {
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int column = mark.map(m -> m.getColumn() + 1).orElse(1);
        problems.add(new ConfigProblem(file, line, column, message, hint));
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }
}
