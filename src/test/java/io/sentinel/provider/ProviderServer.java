package io.sentinel.provider;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.sentinel.http.HttpCaller;
import io.sentinel.probe.ProbeToolkit;
import java.net.URI;
import java.time.Clock;

/**
 * A provider stood in for by WireMock, and the one HTTP client probes call it with: started once per test
 * class, every stub and recorded request forgotten before each test. Register it in a static field:
 *
 * <pre>{@code @RegisterExtension static final ProviderServer PROVIDER = new ProviderServer();}</pre>
 *
 * <p>Field initialisers of the test may use {@link #caller()}: the test instance is made after the server and the
 * client have started.
 */
public final class ProviderServer extends WireMockExtension {

    private HttpCaller caller;

    public ProviderServer() {
        super(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).resetOnEachTest(false));
    }

    /** The HTTP client the probes under test use; closed after the test class. */
    public HttpCaller caller() {
        if (caller == null) {
            throw new IllegalStateException("the provider server has not started: register it with @RegisterExtension");
        }
        return caller;
    }

    /** The toolkit a probe kind makes its probe from, with the given clock. */
    public ProbeToolkit toolkit(Clock clock) {
        return new ProbeToolkit(caller(), clock);
    }

    /** The server's base URL, without a trailing slash: {@code http://localhost:PORT}. */
    public URI base() {
        return URI.create(baseUrl());
    }

    @Override
    protected void onBeforeAll(WireMockRuntimeInfo server) {
        caller = new HttpCaller();
    }

    @Override
    protected void onBeforeEach(WireMockRuntimeInfo server) {
        resetAll();
    }

    @Override
    protected void onAfterAll(WireMockRuntimeInfo server) {
        if (caller != null) {
            caller.close();
            caller = null;
        }
    }
}
