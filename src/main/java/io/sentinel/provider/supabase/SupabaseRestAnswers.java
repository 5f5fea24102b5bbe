package io.sentinel.provider.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.provider.ProviderAnswers;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /rest/v1/<table>?select=<column>&limit=1}: UP when PostgREST answers with an array of rows.
 * PostgREST's own errors ({@code {code, details, hint, message}}) are read before the platform's.
 */
final class SupabaseRestAnswers {

    /** "relation does not exist" from Postgres, and PostgREST's "table not in the schema cache". */
    private static final Set<String> MISSING_TABLE = Set.of("42P01", "PGRST205");
    /** Postgres's "column does not exist". */
    private static final String MISSING_COLUMN = "42703";
    private static final String EXPECTED = "a JSON array of rows";

    private SupabaseRestAnswers() {
    }

    static ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, SupabaseRestOptions options, Instant now) {
        if (!PlatformStatuses.isSuccess(response.status())) {
            return postgrestFailure(response, result, options)
                    .or(() -> PlatformStatuses.failure(response, result))
                    .orElseGet(() -> ProviderAnswers.schemaChanged(result, response, EXPECTED));
        }
        Optional<JsonNode> rows = ProviderAnswers.json(response.body()).filter(JsonNode::isArray);
        if (rows.isEmpty()) {
            return ProviderAnswers.schemaChanged(result, response, EXPECTED);
        }
        int count = rows.get().size();
        return result.reading("rows", count).up(count + (count == 1 ? " row" : " rows") + " from " + options.table());
    }

    private static Optional<ProbeResult> postgrestFailure(HttpResponseSnapshot response, ProbeResult.Builder result,
                                                          SupabaseRestOptions options) {
        SupabaseErrorBody body = SupabaseErrorBody.parse(response.body());
        Optional<String> code = body.code();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        String reason = "HTTP " + response.status() + " " + body.describe();
        if (MISSING_TABLE.contains(code.get())) {
            return Optional.of(result.down(FailureClass.SCHEMA, "table " + options.table() + " is gone: " + reason));
        }
        if (code.get().equals(MISSING_COLUMN)) {
            return Optional.of(result.down(FailureClass.SCHEMA, "column " + options.column() + " of " + options.table()
                    + " is gone: " + reason));
        }
        if (response.status() == 401 || response.status() == 403) {
            // PGRST301 "JWT expired", 42501 "permission denied for table": the key or its role is refused
            return Optional.of(result.down(FailureClass.AUTH, reason));
        }
        return Optional.empty();
    }
}
