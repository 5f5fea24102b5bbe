package io.sentinel.provider;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.http.HttpMethod;
import io.sentinel.provider.cobalt.CobaltKind;
import io.sentinel.provider.cobalt.CobaltOptions;
import io.sentinel.provider.foursquare.FoursquareKind;
import io.sentinel.provider.foursquare.FoursquareOptions;
import io.sentinel.provider.googleplaces.GooglePlacesKind;
import io.sentinel.provider.googleplaces.GooglePlacesOptions;
import io.sentinel.provider.hunter.HunterKind;
import io.sentinel.provider.neverbounce.NeverBounceKind;
import io.sentinel.provider.supabase.SupabaseAuthKind;
import io.sentinel.provider.supabase.SupabaseAuthOptions;
import io.sentinel.provider.supabase.SupabaseFunctionKind;
import io.sentinel.provider.supabase.SupabaseFunctionOptions;
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

    GOOGLE_PLACES_NEW(() -> GooglePlacesKind.KIND, (base, key) -> GooglePlacesOptions.newApi(Secret.of(key), base)),
    GOOGLE_PLACES_LEGACY(() -> GooglePlacesKind.KIND, (base, key) -> GooglePlacesOptions.legacyApi(Secret.of(key), base)),
    FOURSQUARE(() -> FoursquareKind.KIND, (base, key) -> FoursquareOptions.defaults(Secret.of(key), base)),
    HUNTER(() -> HunterKind.KIND, (base, key) -> HunterKind.options(base, Secret.of(key))),
    NEVERBOUNCE(() -> NeverBounceKind.KIND, (base, key) -> NeverBounceKind.options(base, Secret.of(key))),
    COBALT(() -> CobaltKind.KIND, (base, key) -> CobaltOptions.defaults(Secret.of(key), base)),
    SUPABASE_AUTH(() -> SupabaseAuthKind.KIND, (base, key) -> new SupabaseAuthOptions(project(base, key))),
    SUPABASE_REST(() -> SupabaseRestKind.KIND, (base, key) -> new SupabaseRestOptions(project(base, key), "health_check", "id")),
    SUPABASE_FUNCTION(() -> SupabaseFunctionKind.KIND, (base, key) -> new SupabaseFunctionOptions(project(base, key),
            "enrichment-orchestrator", HttpMethod.OPTIONS, Optional.empty(), Optional.empty())),
    /** Health, then the function list with the two functions the product needs. */
    SUPABASE_MANAGEMENT(SupabaseManagementCheckKind::new, (base, key) -> new SupabaseManagementOptions(base, Secret.of(key),
            "abcdefghijklmnopqrst", List.of("business-discovery-background", "enrichment-orchestrator"))),
    /** The site and its health path; no deployment check. */
    VERCEL_SITE(VercelCheckKind::new, (base, key) -> new VercelOptions(base.resolve("/"), Optional.of("/api/health"),
            Optional.empty(), Secret.none(), Optional.empty(), base, VercelOptions.DEFAULT_MAX_BUILD_TIME)),
    /** The site and the newest production deployment from the REST API. */
    VERCEL_DEPLOYMENTS(VercelCheckKind::new, (base, key) -> new VercelOptions(base.resolve("/"), Optional.empty(),
            Optional.of("prj_FAKE000000000000000000000"), Secret.of(key), Optional.empty(), base,
            VercelOptions.DEFAULT_MAX_BUILD_TIME));

    private final Supplier<ProbeKind> kind;
    private final BiFunction<URI, String, CheckOptions> options;

    ProviderUnderTest(Supplier<ProbeKind> kind, BiFunction<URI, String, CheckOptions> options) {
        this.kind = kind;
        this.options = options;
    }

    ProbeKind kind() {
        return kind.get();
    }

    String kindName() {
        return kind.get().name() + (this == GOOGLE_PLACES_LEGACY ? " (legacy)" : this == VERCEL_DEPLOYMENTS ? " (deployments)" : "");
    }

    /** A check of this kind against {@code base}, with {@code key} as its credential. */
    CheckConfig check(URI base, String key) {
        return CheckConfig.builder("answer-table", "provider", kind.get().name(), options.apply(base, key))
                .timeout(Duration.ofSeconds(5)).build();
    }

    private static SupabaseProject project(URI base, String key) {
        return new SupabaseProject(URI.create(base.toString().replaceFirst("/$", "")), Secret.of(key));
    }
}
