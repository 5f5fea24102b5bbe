package io.sentinel;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sentinel's classes in a class loader of their own. Loading a configuration registers its literal
 * credentials with the process-wide redactor; a fuzzer loads hundreds of odd ones ({@code Infinity},
 * half a {@code ${VAR}} reference), which would then be masked in every other test's messages. Here they
 * stay in this loader's redactor and go when it is closed.
 */
final class IsolatedSentinel implements AutoCloseable {

    private final URLClassLoader loader;
    private final Method check;

    IsolatedSentinel() {
        try {
            loader = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader());
            check = loader.loadClass(ConfigFuzzHarness.class.getName()).getMethod("check", String.class, Map.class);
        } catch (ReflectiveOperationException | MalformedURLException failure) {
            throw new IllegalStateException("cannot load Sentinel in a class loader of its own", failure);
        }
    }

    /** {@link ConfigFuzzHarness#check}, in the isolated loader. */
    @SuppressWarnings("unchecked")
    Map<String, Object> check(Path file, Map<String, String> environment) {
        try {
            return (Map<String, Object>) check.invoke(null, file.toString(), environment);
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("the isolated check failed", failure);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /** Surefire and failsafe name the real test class path in a property; a plain JVM has it in java.class.path. */
    private static URL[] classPath() throws MalformedURLException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
