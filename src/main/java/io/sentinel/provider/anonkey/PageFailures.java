package io.sentinel.provider.anonkey;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.http.EdgeBlock;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import java.util.Optional;
import java.util.Set;

/** What a non-2xx answer for the page or a bundle means; Vercel names its own errors in a header. */
final class PageFailures {

    static final String VERCEL_ERROR_HEADER = "X-Vercel-Error";
    /** The deployment itself is gone, as opposed to a failing function inside it. */
    private static final Set<String> DEPLOYMENT_GONE = Set.of("DEPLOYMENT_NOT_FOUND", "DEPLOYMENT_DELETED");

    private PageFailures() {
    }

    /** The failure class of a non-2xx response. */
    static FailureClass classify(HttpResponseSnapshot response) {
        if (EdgeBlock.in(response).isPresent()) {
            return FailureClass.BLOCKED;
        }
        if (vercelError(response).filter(DEPLOYMENT_GONE::contains).isPresent()) {
            return FailureClass.NOT_DEPLOYED;
        }
        // a 3xx left over after following redirects is a redirect to nowhere, not the page we know
        return StatusFailures.of(response.status()).orElse(FailureClass.SCHEMA);
    }

    /** {@code HTTP 404 (X-Vercel-Error: DEPLOYMENT_NOT_FOUND)}. */
    static String describe(HttpResponseSnapshot response) {
        Optional<EdgeBlock> block = EdgeBlock.in(response);
        if (block.isPresent()) {
            return block.get().describe(response.status());
        }
        return "HTTP " + response.status() + vercelError(response).map(code -> " (" + VERCEL_ERROR_HEADER + ": " + code + ")")
                .orElse("");
    }

    /** A 2xx that is a CDN's challenge page is no page of the site. */
    static boolean isSuccess(HttpResponseSnapshot response) {
        return response.status() >= 200 && response.status() < 300 && EdgeBlock.in(response).isEmpty();
    }

    private static Optional<String> vercelError(HttpResponseSnapshot response) {
        return response.headers().first(VERCEL_ERROR_HEADER).map(String::strip).filter(code -> !code.isEmpty());
    }
}
