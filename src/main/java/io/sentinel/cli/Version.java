package io.sentinel.cli;

import java.util.Optional;

/** The version of this build, from the jar's manifest ({@code Implementation-Version}, set by the pom). */
public final class Version {

    private Version() {
    }

    /** {@code sentinel 0.1.0}, or a note that the classes are not running from a built jar. */
    public static String describe() {
        return "sentinel " + current().orElse("(development build: no version outside the jar)");
    }

    static Optional<String> current() {
        return Optional.ofNullable(Version.class.getPackage().getImplementationVersion()).filter(text -> !text.isBlank());
    }
}
