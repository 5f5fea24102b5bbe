package io.sentinel.daemon;

import io.sentinel.config.CheckKinds;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.http.HttpCheckKind;
import io.sentinel.provider.anonkey.AnonKeyCheckKind;
import io.sentinel.provider.postgres.PostgresCheckKind;
import io.sentinel.provider.postgres.SqlMetricCheckKind;
import java.util.List;

/** The check kinds this build ships. */
public final class BuiltInKinds {

    private BuiltInKinds() {
    }

    public static List<ProbeKind> all() {
        return List.of(
                new HttpCheckKind(),
                new PostgresCheckKind(),
                new SqlMetricCheckKind(),
                new AnonKeyCheckKind());
    }

    public static CheckKinds index() {
        return new CheckKinds(all());
    }
}
