package io.sentinel.daemon;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.SentinelConfig;
import io.sentinel.metrics.ProbeMetrics;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.schedule.ProbeScheduler;
import io.sentinel.reload.ConfigurationVersion;
import io.sentinel.routes.RouteFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a validated configuration change to the running daemon, changing only what changed: edited, new
 * and removed checks in the timetable (an unchanged check keeps its schedule, state and counters), probe
 * routes for kinds and dependencies that appear or go, and the routes of operator files whose content
 * changed. Anything else (server, storage, alerting, dependencies and their breakers, overrides, Kamelets)
 * needs the daemon rebuilt, which the caller does when {@link #apply} says no.
 */
final class LiveChange {

    private static final Logger LOG = LoggerFactory.getLogger(LiveChange.class);

    private final CamelContext camel;
    private final CheckIndex checks;
    private final io.sentinel.rules.CheckStates states;
    private final ProbeMetrics metrics;
    private final ProbeScheduler scheduler;
    private final CheckKinds kinds;
    private final Path routesDirectory;
    private SentinelConfig config;
    private Map<Path, Set<String>> routesByFile;
    private Map<Path, String> fileVersions;

    LiveChange(CamelContext camel, SentinelConfig config, CheckIndex checks, io.sentinel.rules.CheckStates states,
               ProbeMetrics metrics, ProbeScheduler scheduler, List<ProbeKind> kinds, Path routesDirectory,
               Map<Path, Set<String>> routesByFile) {
        this.camel = camel;
        this.config = config;
        this.checks = checks;
        this.states = states;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.kinds = new CheckKinds(kinds);
        this.routesDirectory = routesDirectory;
        this.routesByFile = new HashMap<>(routesByFile);
        this.fileVersions = versions(RouteFiles.in(routesDirectory, config.routes()).watched());
    }

    SentinelConfig config() {
        return config;
    }

    /**
     * @return true when the change is running; false when it touches what only a rebuilt daemon can change
     *         (nothing was changed then)
     */
    synchronized boolean apply(SentinelConfig changed) throws Exception {
        RouteFiles files = RouteFiles.in(routesDirectory, changed.routes());
        Map<Path, String> versions = versions(files.watched());
        Set<Path> kamelets = new HashSet<>();
        versions.keySet().stream().filter(path -> path.getFileName().toString().endsWith(RouteFiles.KAMELET_SUFFIX))
                .forEach(kamelets::add);
        fileVersions.keySet().stream().filter(path -> path.getFileName().toString().endsWith(RouteFiles.KAMELET_SUFFIX))
                .forEach(kamelets::add);
        boolean kameletsChanged = kamelets.stream().anyMatch(k -> !Objects.equals(versions.get(k), fileVersions.get(k)));
        if (!sameBeyondChecks(config, changed) || kameletsChanged) {
            return false;
        }
        Set<CheckRoutes.ProbeRoute> before = CheckRoutes.needed(config.checks(), kinds);
        Set<CheckRoutes.ProbeRoute> after = CheckRoutes.needed(changed.checks(), kinds);

        checks.replace(changed);
        states.retain(changed.checks().stream().map(CheckConfig::id).toList());
        metrics.watch(changed.checks());
        addProbeRoutes(after, before);
        replaceChangedFiles(files, versions);
        scheduler.plan(changed.checks());
        removeProbeRoutes(before, after);
        logChecks(config, changed);
        config = changed;
        fileVersions = versions;
        return true;
    }

    /**
     * Everything but the checks (with the defaults folded into them) and the included route files is the same.
     * Every other section, including any added later, is compared as a whole, so a change nobody taught this
     * class about rebuilds the daemon rather than being ignored.
     */
    static boolean sameBeyondChecks(SentinelConfig running, SentinelConfig changed) {
        for (java.lang.reflect.RecordComponent component : SentinelConfig.class.getRecordComponents()) {
            if (LIVE_SECTIONS.contains(component.getName())) {
                continue;
            }
            try {
                if (!Objects.equals(component.getAccessor().invoke(running), component.getAccessor().invoke(changed))) {
                    return false;
                }
            } catch (ReflectiveOperationException unreadable) {
                return false;
            }
        }
        return running.routes().override().equals(changed.routes().override())
                && connectivityChecks(running).equals(connectivityChecks(changed));
    }

    /** The connectivity gate and the incident tracker are built with these: changing them rebuilds the daemon. */
    private static Set<String> connectivityChecks(SentinelConfig config) {
        return config.checks().stream().filter(CheckConfig::connectivity).map(CheckConfig::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static final Set<String> LIVE_SECTIONS = Set.of("source", "checks", "defaults", "routes");

    private void addProbeRoutes(Set<CheckRoutes.ProbeRoute> needed, Set<CheckRoutes.ProbeRoute> running) throws Exception {
        Set<CheckRoutes.ProbeRoute> added = new LinkedHashSet<>(needed);
        added.removeAll(running);
        if (!added.isEmpty()) {
            CheckRoutes routes = new CheckRoutes(added);
            camel.addRoutes(routes);
            routes.addTemplatedRoutesToCamelContext(camel);
            added.forEach(route -> LOG.info("Probe route {} started", route.routeId()));
        }
    }

    private void removeProbeRoutes(Set<CheckRoutes.ProbeRoute> running, Set<CheckRoutes.ProbeRoute> needed) throws Exception {
        for (CheckRoutes.ProbeRoute route : running) {
            if (!needed.contains(route)) {
                remove(route.routeId());
                LOG.info("Probe route {} removed: no check of kind {} watches {} any more", route.routeId(),
                        route.kind(), route.dependency());
            }
        }
    }

    /** The routes of a file whose content changed are removed and loaded again; a deleted file's are removed. */
    private void replaceChangedFiles(RouteFiles files, Map<Path, String> versions) throws Exception {
        Set<Path> all = new LinkedHashSet<>(routesByFile.keySet());
        all.addAll(files.files());
        for (Path file : all) {
            if (Objects.equals(versions.get(file), fileVersions.get(file)) && routesByFile.containsKey(file)) {
                continue;
            }
            for (String id : routesByFile.getOrDefault(file, Set.of())) {
                remove(id);
            }
            routesByFile.remove(file);
            if (files.files().contains(file)) {
                Set<String> before = ids();
                PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:" + file));
                Set<String> added = ids();
                added.removeAll(before);
                routesByFile.put(file, added);
                LOG.info("Routes from {} (re)loaded: {}", file, added);
            } else {
                LOG.info("Routes from {} removed: the file is gone", file);
            }
        }
    }

    private void remove(String routeId) throws Exception {
        ModelCamelContext model = (ModelCamelContext) camel;
        RouteDefinition definition = model.getRouteDefinition(routeId);
        if (definition != null) {
            model.removeRouteDefinition(definition);
        } else if (camel.getRoute(routeId) != null) {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
    }

    private Set<String> ids() {
        Set<String> ids = new HashSet<>();
        camel.getRoutes().forEach(route -> ids.add(route.getRouteId()));
        return ids;
    }

    private static void logChecks(SentinelConfig before, SentinelConfig after) {
        Map<String, CheckConfig> old = new HashMap<>();
        before.checks().forEach(check -> old.put(check.id(), check));
        int added = 0;
        int edited = 0;
        for (CheckConfig check : after.checks()) {
            CheckConfig previous = old.remove(check.id());
            if (previous == null) {
                added++;
            } else if (!previous.equals(check)) {
                edited++;
            }
        }
        LOG.info("Configuration change applied in place: {} check(s) added, {} edited, {} removed; every other"
                + " check kept its schedule and state", added, edited, old.size());
    }

    private static Map<Path, String> versions(List<Path> files) {
        Map<Path, String> versions = new HashMap<>();
        for (Path file : files) {
            versions.put(file, ConfigurationVersion.of(file, List.of()));
        }
        return versions;
    }
}
