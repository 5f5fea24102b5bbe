package io.sentinel.config;

import io.sentinel.secret.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * What every reader of one file shares: the file name, the environment, and the problems found so far.
 *
 * <p>Problems are made safe here, once, whoever wrote them: every value that came from the environment is
 * shown as the {@code ${NAME}} reference the operator wrote, because a reader that quotes a value it was
 * given (a provider checking an id, a URL) cannot tell an interpolated secret from text in the file.
 */
final class ReadContext {

    /** Shorter values would replace innocent text ("1", "on"); the redactor draws the same line. */
    private static final int MIN_MASKED_LENGTH = 6;
    /** Variable names that say they hold a credential. */
    private static final Pattern SECRET_VARIABLE =
            Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PAT|WEBHOOK|CREDENTIAL|AUTH).*");

    private final Path file;
    private final EnvInterpolator interpolator;
    private final List<ConfigProblem> problems = new ArrayList<>();
    /** Each value taken from the environment, with the variable it came from. */
    private final Map<String, String> environmentValues = new LinkedHashMap<>();

    ReadContext(Path file, EnvInterpolator interpolator) {
        this.file = file;
        this.interpolator = interpolator;
    }

    Path file() {
        return file;
    }

    /**
     * The scalar's text with {@code ${VAR}} replaced; values from the environment are remembered for masking, and
     * those of credential-named variables are registered with the redactor, wherever they are written: a key
     * travels in a header, but also in a URL's path or query, a request body or a route option.
     */
    EnvInterpolator.Interpolated interpolate(ScalarNode scalar) {
        EnvInterpolator.Interpolated value = interpolator.interpolate(scalar.getValue());
        value.fromEnvironment().forEach((found, variable) -> {
            if (found.strip().length() >= MIN_MASKED_LENGTH) {
                environmentValues.putIfAbsent(found.strip(), variable);
            }
            if (SECRET_VARIABLE.matcher(variable).matches()) {
                Redactor.global().register(found);
            }
        });
        return value;
    }

    void problem(Node node, String message, String hint) {
        problem(node == null ? Optional.empty() : node.getStartMark(), message, hint);
    }

    void problem(Optional<Mark> mark, String message, String hint) {
        problem(mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1), message, hint);
    }

    /** A problem at a 1-based line and column, for what is found before there are YAML marks. */
    void problem(int line, int column, String message, String hint) {
        problems.add(new ConfigProblem(file, line, column, message, hint));
    }

    /** The problems found, each with environment values shown as their references and credentials masked. */
    List<ConfigProblem> problems() {
        Optional<Pattern> secrets = environmentPattern();
        return problems.stream().map(problem -> new ConfigProblem(problem.file(), problem.line(), problem.column(),
                safe(problem.message(), secrets), safe(problem.hint(), secrets))).toList();
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    private String safe(String text, Optional<Pattern> secrets) {
        String shown = secrets.map(pattern -> pattern.matcher(text).replaceAll(match ->
                Matcher.quoteReplacement("${" + environmentValues.get(match.group()) + "}"))).orElse(text);
        return ProblemText.clean(shown);
    }

    /** One pass over each text, longest value first, so that a value containing another is replaced whole. */
    private Optional<Pattern> environmentPattern() {
        if (environmentValues.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Pattern.compile(environmentValues.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"))));
    }
}
