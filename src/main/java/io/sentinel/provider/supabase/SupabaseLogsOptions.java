package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The options of a {@code supabase-logs} check.
 *
 * @param access    the Management API, token and project
 * @param functions edge function slugs that get readings in every window, zero when they had no traffic; others
 *                  get readings when they appear in the logs
 */
public record SupabaseLogsOptions(ManagementAccess access, List<String> functions) implements CheckOptions {

    /**
     * Per edge function (the first path segment after {@code /functions/v1/}): invocations, those answered with a
     * 5xx, and the 95th percentile of execution time, from the edge function logs of the asked window. BigQuery
     * dialect, as the {@code logs.all} endpoint speaks it.
     */
    public static final String SQL = "select regexp_extract(request.pathname, r'^/functions/v1/([^/?]+)') as slug,"
            + " count(*) as invocations,"
            + " countif(response.status_code >= 500) as server_errors,"
            + " approx_quantiles(m.execution_time_ms, 100)[offset(95)] as p95_ms"
            + " from function_edge_logs"
            + " cross join unnest(metadata) as m"
            + " cross join unnest(m.request) as request"
            + " cross join unnest(m.response) as response"
            + " group by slug";

    public SupabaseLogsOptions {
        Objects.requireNonNull(access, "access");
        functions = List.copyOf(functions);
        functions.forEach(slug -> {
            if (!SupabaseFunctionOptions.SLUG.matcher(slug).matches()) {
                throw new IllegalArgumentException("'" + slug + "' is not a function slug");
            }
        });
    }

    /** The analytics query over {@code [start, end)}. */
    URI logsUri(Instant start, Instant end) {
        return access.resolve("/analytics/endpoints/logs.all?sql=" + encoded(SQL) + "&iso_timestamp_start="
                + encoded(start.toString()) + "&iso_timestamp_end=" + encoded(end.toString()));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "SupabaseLogsOptions[" + access + ", functions " + functions + "]";
    }
}
