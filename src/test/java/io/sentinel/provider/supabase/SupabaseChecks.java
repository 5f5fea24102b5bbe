package io.sentinel.provider.supabase;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.provider.ProviderServer;
import io.sentinel.secret.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the Supabase probe tests share: a WireMock "project", one HTTP caller, fake keys and a fixed clock. */
abstract class SupabaseChecks {

    @RegisterExtension
    static final ProviderServer PROVIDER = new ProviderServer();

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Shaped like a legacy anon key: a JWT, so it also travels as the bearer token. */
    static final String LEGACY_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.FAKEsignatureFAKE0123456789";
    static final String PUBLISHABLE_KEY = "sb_publishable_FAKEfake0123456789abcd";

    static SupabaseProject project(String key) {
        return new SupabaseProject(PROVIDER.base(), Secret.fromVariable(key, SupabaseProject.KEY_VARIABLE));
    }

    static CheckConfig check(String kind, CheckOptions options) {
        return CheckConfig.builder("supabase-check", "supabase", kind, options).timeout(Duration.ofSeconds(5)).build();
    }
}
