package io.sentinel.provider.vercel;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code vercel} check kind: the production site as a visitor sees it, optionally a health route on it,
 * and optionally the state of the project's newest production deployment.
 *
 * <pre>
 * - id: frontend
 *   dependency: vercel
 *   kind: vercel
 *   url: https://app.prospectpro.example
 *   healthPath: /api/health
 *   projectId: prj_…
 *   teamId: team_…
 *   token: ${VERCEL_TOKEN}
 *   maxBuildTime: 30m
 * </pre>
 */
public final class VercelCheckKind implements ProbeKind {

    public static final String NAME = "vercel";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        Optional<URI> url = check.requiredText("url", "https://app.example.com").flatMap(text -> check.httpUrl("url"));
        Optional<String> healthPath = nonBlank(check, "healthPath");
        healthPath.filter(path -> !path.startsWith("/")).ifPresent(path -> check.problem("healthPath",
                "'healthPath' must start with /, got '" + path + "'", "for example healthPath: /api/health"));
        Optional<String> projectId = nonBlank(check, "projectId");
        Optional<String> teamId = nonBlank(check, "teamId");
        boolean projectGiven = check.has("projectId");
        for (String needsProject : new String[] {"token", "teamId"}) {
            if (!projectGiven && check.has(needsProject)) {
                check.problem(needsProject, "'" + needsProject + "' is only used by the deployment check, which needs projectId",
                        "add projectId: prj_… (Project Settings › General), or remove " + needsProject);
            }
        }
        // a bad apiBaseUrl is reported through the section, which rejects the file: the default never hides it
        URI apiBaseUrl = check.httpUrl("apiBaseUrl").orElse(VercelOptions.DEFAULT_API_BASE_URL);
        Duration maxBuildTime = check.durationAtLeast("maxBuildTime", Duration.ofMinutes(1),
                VercelOptions.DEFAULT_MAX_BUILD_TIME);
        if (url.isEmpty() || healthPath.filter(path -> !path.startsWith("/")).isPresent()) {
            return null;
        }
        return new VercelOptions(url.get(), healthPath, projectId, check.secret("token"), teamId, apiBaseUrl, maxBuildTime);
    }

    private static Optional<String> nonBlank(ConfigSection check, String key) {
        return check.text(key).map(String::strip).filter(text -> !text.isEmpty());
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new VercelProbe(toolkit.http(), toolkit.clock());
    }

    /** Fetching a page and listing one deployment cost nothing (a dynamic route may run a function). */
    @Override
    public double defaultCostPerCall(CheckOptions options) {
        return 0.0;
    }
}
