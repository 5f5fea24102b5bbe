package io.sentinel.daemon;

import io.sentinel.config.CheckKinds;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.http.HttpCheckKind;
import io.sentinel.provider.anonkey.AnonKeyCheckKind;
import io.sentinel.provider.cobalt.CobaltKind;
import io.sentinel.provider.foursquare.FoursquareKind;
import io.sentinel.provider.github.GitHubActionsKind;
import io.sentinel.provider.googleplaces.GooglePlacesKind;
import io.sentinel.provider.hunter.HunterKind;
import io.sentinel.provider.neverbounce.NeverBounceKind;
import io.sentinel.provider.postgres.PostgresCheckKind;
import io.sentinel.provider.postgres.SqlMetricCheckKind;
import io.sentinel.provider.supabase.SupabaseAuthKind;
import io.sentinel.provider.supabase.SupabaseFunctionKind;
import io.sentinel.provider.supabase.SupabaseLogsCheckKind;
import io.sentinel.provider.supabase.SupabaseManagementCheckKind;
import io.sentinel.provider.supabase.SupabaseRestKind;
import io.sentinel.provider.vercel.VercelCheckKind;
import io.sentinel.config.CheckKind;
import io.sentinel.routes.RouteCheckKind;
import java.util.ArrayList;
import java.util.List;

/** The check kinds this build ships. */
public final class BuiltInKinds {

    private BuiltInKinds() {
    }

    public static List<ProbeKind> all() {
        return List.of(
                new HttpCheckKind(),
                HunterKind.KIND,
                NeverBounceKind.KIND,
                new VercelCheckKind(),
                SupabaseAuthKind.KIND,
                SupabaseRestKind.KIND,
                SupabaseFunctionKind.KIND,
                new SupabaseManagementCheckKind(),
                new SupabaseLogsCheckKind(),
                GooglePlacesKind.KIND,
                FoursquareKind.KIND,
                CobaltKind.KIND,
                new PostgresCheckKind(),
                new SqlMetricCheckKind(),
                new AnonKeyCheckKind(),
                GitHubActionsKind.KIND);
    }

    /** Every kind a configuration may name: the probed ones and {@code route}, probed by an operator's route. */
    public static CheckKinds index() {
        List<CheckKind> kinds = new ArrayList<>(all());
        kinds.add(new RouteCheckKind());
        return new CheckKinds(kinds);
    }
}
