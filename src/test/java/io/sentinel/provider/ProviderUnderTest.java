package io.sentinel.provider;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.probe.ProbeKind;
import io.sentinel.http.HttpMethod;
import io.sentinel.provider.cobalt.CobaltKind;
import io.sentinel.provider.cobalt.CobaltOptions;
import io.sentinel.provider.foursquare.FoursquareKind;
import io.sentinel.provider.foursquare.FoursquareOptions;
import io.sentinel.provider.github.GitHubActionsKind;
import io.sentinel.provider.googleplaces.GooglePlacesKind;
import io.sentinel.provider.googleplaces.GooglePlacesOptions;
import io.sentinel.provider.hunter.HunterKind;
import io.sentinel.provider.neverbounce.NeverBounceKind;
import io.sentinel.provider.supabase.SupabaseAuthKind;
import io.sentinel.provider.supabase.SupabaseAuthOptions;
import io.sentinel.provider.supabase.SupabaseFunctionKind;
import io.sentinel.provider.supabase.SupabaseFunctionOptions;
import io.sentinel.provider.supabase.SupabaseLogsCheckKind;
import io.sentinel.provider.supabase.SupabaseLogsOptions;
import io.sentinel.provider.supabase.ManagementAccess;
import io.sentinel.provider.supabase.SupabaseManagementCheckKind;
import io.sentinel.provider.supabase.SupabaseManagementOptions;
import io.sentinel.provider.supabase.SupabaseProject;
import io.sentinel.provider.supabase.SupabaseRestKind;
import io.sentinel.provider.supabase.SupabaseRestOptions;
import io.sentinel.provider.vercel.VercelCheckKind;
import io.sentinel.provider.vercel.VercelOptions;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Each provider kind as the answer table probes it: its kind and a check pointed at the test server. */
enum ProviderUnderTest {

    GOOGLE_PLACES_NEW(() -> GooglePlacesKind.KIND, "GOOGLE_PLACES_API_KEY", (base, key) -> GooglePlacesOptions.newApi(key, base)),
    GOOGLE_PLACES_LEGACY(() -> GooglePlacesKind.KIND, "GOOGLE_PLACES_API_KEY",
            (base, key) -> GooglePlacesOptions.legacyApi(key, base)),
    FOURSQUARE(() -> FoursquareKind.KIND, "FOURSQUARE_API_KEY", (base, key) -> FoursquareOptions.defaults(key, base)),
    HUNTER(() -> HunterKind.KIND, "HUNTER_API_KEY", HunterKind::options),
    NEVERBOUNCE(() -> NeverBounceKind.KIND, "NEVERBOUNCE_API_KEY", NeverBounceKind::options),
    COBALT(() -> CobaltKind.KIND, "COBALT_API_KEY", (base, key) -> CobaltOptions.defaults(key, base)),
    SUPABASE_AUTH(() -> SupabaseAuthKind.KIND, "SUPABASE_ANON_KEY", (base, key) -> new SupabaseAuthOptions(project(base, key))),
    SUPABASE_REST(() -> SupabaseRestKind.KIND, "SUPABASE_ANON_KEY",
            (base, key) -> new SupabaseRestOptions(project(base, key), "health_check", "id")),
    SUPABASE_FUNCTION(() -> SupabaseFunctionKind.KIND, "SUPABASE_ANON_KEY", (base, key) -> new SupabaseFunctionOptions(
            project(base, key), "enrichment-orchestrator", HttpMethod.OPTIONS, Optional.empty(), Optional.empty())),
    /** Health, then the function list with the two functions the product needs. */
    SUPABASE_MANAGEMENT(SupabaseManagementCheckKind::new, "SUPABASE_ACCESS_TOKEN", (base, key) -> new SupabaseManagementOptions(
            base, key, "abcdefghijklmnopqrst", List.of("business-discovery-background", "enrichment-orchestrator"))),
    /** One analytics query of the edge function logs, with one function that must have readings. */
    SUPABASE_LOGS(SupabaseLogsCheckKind::new, "SUPABASE_ACCESS_TOKEN", (base, key) -> new SupabaseLogsOptions(
            new ManagementAccess(base, key, "abcdefghijklmnopqrst"), List.of("enrichment-orchestrator"))),
    /** The site and its health path; no deployment check. */
    VERCEL_SITE(VercelCheckKind::new, "", (base, key) -> new VercelOptions(base.resolve("/"), Optional.of("/api/health"),
            Optional.empty(), Secret.none(), Optional.empty(), base, VercelOptions.DEFAULT_MAX_BUILD_TIME)),
    /** The site and the newest production deployment from the REST API. */
    VERCEL_DEPLOYMENTS(VercelCheckKind::new, "VERCEL_TOKEN", (base, key) -> new VercelOptions(base.resolve("/"), Optional.empty(),
            Optional.of("prj_FAKE000000000000000000000"), key, Optional.empty(), base, VercelOptions.DEFAULT_MAX_BUILD_TIME)),
    /** The newest workflow run on main. */
    GITHUB_ACTIONS(() -> GitHubActionsKind.KIND, "GITHUB_TOKEN", (base, key) -> GitHubActionsKind.options(base,
            "octo-org/octo-repo", key));

    private final Supplier<ProbeKind> kind;
    private final String credentialVariable;
    private final BiFunction<URI, Secret, CheckOptions> options;

    ProviderUnderTest(Supplier<ProbeKind> kind, String credentialVariable, BiFunction<URI, Secret, CheckOptions> options) {
        this.kind = kind;
        this.credentialVariable = credentialVariable;
        this.options = options;
    }

    /** The environment variable the shipped configuration reads the credential from. */
    String credentialVariable() {
        return credentialVariable;
    }

    /** True for the kinds made of one call ({@code SingleCallKind}), which share one probe and one contract. */
    boolean isSingleCall() {
        return kind.get() instanceof SingleCallKind<?>;
    }

    ProbeKind kind() {
        return kind.get();
    }

    String kindName() {
        return kind.get().name() + (this == GOOGLE_PLACES_LEGACY ? " (legacy)" : this == VERCEL_DEPLOYMENTS ? " (deployments)" : "");
    }

    /** A check of this kind against {@code base}, with {@code key} as its credential. */
    CheckConfig check(URI base, String key) {
        return check(base, Secret.of(key), Duration.ofSeconds(5));
    }

    CheckConfig check(URI base, Secret key, Duration timeout) {
        return CheckConfig.builder("answer-table", "provider", kind.get().name(), options.apply(base, key))
                .timeout(timeout).build();
    }

    private static SupabaseProject project(URI base, Secret key) {
        return new SupabaseProject(URI.create(base.toString().replaceFirst("/$", "")), key);
    }
}
