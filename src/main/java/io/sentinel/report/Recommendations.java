package io.sentinel.report;

import io.sentinel.model.FailureClass;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fixed table of what to look at first for each failure class, as documented in docs/reports.md (a test
 * keeps the two the same). A few provider codes within a class have a line of their own: they are checked
 * first, against the failure's message.
 */
public final class Recommendations {

    /**
     * One line of the table.
     *
     * @param failureClass the failure class it is for
     * @param codes        provider codes that narrow it down (any of them in the message); empty for the class's own line
     * @param advice       what to look at first
     */
    public record Recommendation(FailureClass failureClass, List<String> codes, String advice) {

        public Recommendation {
            Objects.requireNonNull(failureClass, "failureClass");
            codes = List.copyOf(codes);
            Objects.requireNonNull(advice, "advice");
        }

        boolean matches(FailureClass failure, String message) {
            if (failure != failureClass) {
                return false;
            }
            String upper = message.toUpperCase(Locale.ROOT);
            return codes.isEmpty() || codes.stream().anyMatch(upper::contains);
        }
    }

    private static final List<Recommendation> TABLE = List.of(
            line(FailureClass.AUTH, "Check the key: the provider rejected the credentials. Confirm the environment"
                    + " variable holds the current key and that it was not revoked or restricted."),
            line(FailureClass.QUOTA, "Top up credits or raise the plan's limit: the allowance is used up or billing"
                    + " is off."),
            line(FailureClass.RATE_LIMITED, "Probe less often (a longer interval) or spread this provider's checks:"
                    + " it is throttling Sentinel."),
            line(FailureClass.TIMEOUT, "Look at the dependency's load and latency; raise the check's timeout only"
                    + " if this slowness is expected."),
            line(FailureClass.DNS, "Check the host name in the check's URL and the domain's DNS records."),
            line(FailureClass.CONNECT, "Check that the service runs and that Sentinel can reach it: port, firewall,"
                    + " network."),
            line(FailureClass.TLS, "Check the certificate (expiry, chain, host name) and the TLS versions the"
                    + " server offers."),
            new Recommendation(FailureClass.HTTP_5XX, List.of("WORKER_LIMIT", "WORKER_RESOURCE_LIMIT"),
                    "Give the edge function more resources (memory, CPU time) or make it do less per call."),
            line(FailureClass.HTTP_5XX, "The service itself fails: read its logs and its recent deployments."),
            line(FailureClass.HTTP_4XX, "The service refuses the request: check the URL, method and parameters;"
                    + " the API may have changed."),
            line(FailureClass.BODY_ERROR, "The service answers 2xx but reports an error in the body: read the"
                    + " message, often a configuration or upstream problem."),
            line(FailureClass.SCHEMA, "The answer no longer has the expected shape: compare it with the provider's"
                    + " current API and update the check."),
            line(FailureClass.CONDITION, "A configured condition failed: confirm the expectation still holds, or fix"
                    + " what changed."),
            line(FailureClass.DB, "Check the database: reachable, not paused, connection limits, credentials, slow"
                    + " queries."),
            line(FailureClass.NOT_DEPLOYED, "Deploy the function or project again, or point the check at what is"
                    + " deployed."),
            line(FailureClass.REDIRECT, "Point the check at the final address the redirect names."),
            line(FailureClass.BLOCKED, "A CDN or firewall blocked Sentinel: allow its address or user agent; the"
                    + " keys were never checked."),
            line(FailureClass.CONTRACT, "An operator's route handed over a result with a missing or wrong field: fix"
                    + " the route against the contract in docs/routes.md."),
            line(FailureClass.INTERNAL, "A fault in Sentinel itself: read its log around the first-seen time and"
                    + " report it."));

    private Recommendations() {
    }

    /** The whole table, in the documented order. */
    public static List<Recommendation> table() {
        return TABLE;
    }

    /** The line for a failure: a provider code's own line when its message names one, else its class's line. */
    public static Recommendation forFailure(FailureClass failureClass, String message) {
        String text = message == null ? "" : message;
        return TABLE.stream().filter(line -> !line.codes().isEmpty() && line.matches(failureClass, text)).findFirst()
                .orElseGet(() -> TABLE.stream().filter(line -> line.codes().isEmpty() && line.failureClass() == failureClass)
                        .findFirst().orElseThrow(() -> new IllegalStateException("no recommendation for " + failureClass)));
    }

    private static Recommendation line(FailureClass failureClass, String advice) {
        return new Recommendation(failureClass, List.of(), advice);
    }
}
