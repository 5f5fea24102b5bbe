package io.sentinel.provider.supabase;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.http.HttpCaller;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** What the Supabase probe tests share: a WireMock "project", one HTTP caller, fake keys and a fixed clock. */
abstract class SupabaseChecks {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Shaped like a legacy anon key: a JWT, so it also travels as the bearer token. */
    static final String LEGACY_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.FAKEsignatureFAKE0123456789";
    static final String PUBLISHABLE_KEY = "sb_publishable_FAKEfake0123456789abcd";

    static WireMockServer server;
    static HttpCaller caller;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        caller = new HttpCaller();
    }

    @AfterAll
    static void stopServer() {
        caller.close();
        server.stop();
    }

    @BeforeEach
    void forgetStubsAndRequests() {
        server.resetAll();
    }

    static SupabaseProject project(String key) {
        return new SupabaseProject(URI.create(server.baseUrl()), Secret.fromVariable(key, SupabaseProject.KEY_VARIABLE));
    }

    static CheckConfig check(String kind, CheckOptions options) {
        return CheckConfig.builder("supabase-check", "supabase", kind, options).timeout(Duration.ofSeconds(5)).build();
    }
}
