package io.sentinel.provider.supabase;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.probe.ProbeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each Supabase kind ships and registers a route template that is the http one with its own names. */
class SupabaseRoutesTest {

    @ParameterizedTest
    @ValueSource(strings = {"supabase-auth", "supabase-rest", "supabase-function", "supabase-management", "supabase-logs"})
    void theRouteTemplateIsTheHttpOneWithTheKindsNames(String kind) throws IOException {
        ProbeKind registered = BuiltInKinds.all().stream().filter(candidate -> candidate.name().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " is not in BuiltInKinds"));
        List<String> template = Files.readAllLines(Path.of("routes", registered.routeTemplate() + ".yaml"));
        List<String> http = Files.readAllLines(Path.of("routes", "http-probe.yaml"));

        assertThat(template).contains("    id: " + kind + "-probe", "                  ref: " + registered.probeBean());
        assertThat(template).hasSameSizeAs(http);
        for (int line = 0; line < http.size(); line++) {
            String expected = http.get(line).replace("http-probe", kind + "-probe").replace("probe.http", "probe." + kind)
                    .replace("`kind: http`", "`kind: " + kind + "`");
            assertThat(template.get(line)).as("line %d of %s", line + 1, registered.routeTemplate()).isEqualTo(expected);
        }
    }
}
