package io.sentinel.daemon;

import io.sentinel.config.CheckKinds;
import io.sentinel.config.SentinelConfig;
import io.sentinel.probe.ProbeKind;
import io.sentinel.routes.InvalidRoutesException;
import io.sentinel.routes.KameletCatalog;
import io.sentinel.routes.LoadedRoutes;
import io.sentinel.routes.RouteFiles;
import io.sentinel.routes.RouteInspection;
import io.sentinel.routes.RouteLoader;
import io.sentinel.routes.RouteProblem;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Every route a configuration runs, put into a Camel context that has not started: the built-in routes, the
 * operator's, and one probe route per kind and dependency; then inspected. The daemon assembles its context
 * this way, and {@code validate} and a live change assemble a throwaway one the same way, so what validates
 * is what runs.
 */
public final class RouteAssembly {

    private RouteAssembly() {
    }

    static LoadedRoutes assemble(CamelContext camel, SentinelConfig config, Path routesDirectory, List<ProbeKind> kinds)
            throws Exception {
        RouteFiles files = RouteFiles.in(routesDirectory, config.routes());
        LoadedRoutes loaded = RouteLoader.load(camel, files, config.routes(), config.source());
        CheckRoutes probeRoutes = new CheckRoutes(CheckRoutes.needed(config.checks(), new CheckKinds(kinds)));
        camel.addRoutes(probeRoutes);
        probeRoutes.addTemplatedRoutesToCamelContext(camel);
        List<RouteProblem> problems = RouteInspection.inspect(camel, config, BeanNames.expected(config, kinds),
                KameletCatalog.of(camel, files.directory()));
        if (!problems.isEmpty()) {
            throw new InvalidRoutesException(problems);
        }
        return loaded;
    }

    /**
     * Checks a configuration's routes in a context of their own that never starts: nothing is probed, bound
     * or listened on.
     *
     * @throws InvalidRoutesException with every problem, each with its file and line
     */
    public static LoadedRoutes validate(SentinelConfig config, Path routesDirectory) throws InvalidRoutesException {
        // Camel finds its parts through the thread's context class loader, which a caller's pool thread may
        // have set to one that does not see Sentinel's classes
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(RouteAssembly.class.getClassLoader());
        // never started, so never stopped: closing it would only log a shutdown of nothing
        try {
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.setSourceLocationEnabled(true);
            RouteExtensions.configure(camel);
            camel.getCamelContextExtension().setName("sentinel-validate");
            return assemble(camel, config, routesDirectory, BuiltInKinds.all());
        } catch (InvalidRoutesException invalid) {
            throw invalid;
        } catch (Exception unexpected) {
            throw new InvalidRoutesException(List.of(new RouteProblem(routesDirectory.toString(), 0,
                    "the routes could not be assembled: " + io.sentinel.secret.Redactor.global().describe(unexpected),
                    "see docs/routes.md")));
        } finally {
            thread.setContextClassLoader(callers);
        }
    }
}
