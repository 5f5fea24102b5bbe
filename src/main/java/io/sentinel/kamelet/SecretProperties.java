package io.sentinel.kamelet;

import io.sentinel.secret.Redactor;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.camel.spi.PropertiesFunction;

/**
 * {@code {{secret:NAME}}} in an operator's route: the environment variable NAME, registered with the redactor the
 * moment the route is built, so a client secret or key written this way is masked in every log line, result and
 * alert, in every form. An unset variable stops the route from being built, naming the variable. Plain
 * {@code {{env:NAME}}} is for values that are not secret.
 */
public final class SecretProperties implements PropertiesFunction {

    public static final String NAME = "secret";
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final Function<String, String> environment;

    /** @param environment looks environment variables up ({@code System::getenv} in the daemon) */
    public SecretProperties(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String apply(String remainder) {
        String name = remainder == null ? "" : remainder.strip();
        if (!VARIABLE.matcher(name).matches()) {
            throw new IllegalArgumentException("{{secret:" + name + "}} must name an environment variable, e.g."
                    + " {{secret:PARTNER_CLIENT_SECRET}}");
        }
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("{{secret:" + name + "}}: set the environment variable " + name);
        }
        Redactor.global().register(value);
        return value;
    }
}
