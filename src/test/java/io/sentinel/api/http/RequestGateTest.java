package io.sentinel.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    private final RequestGate gate = new RequestGate(request -> { }, 1024);

    @Test
    void wellFormedRequestsPass() {
        assertThat(gate.inspect("/api/status", headers())).isEmpty();
        assertThat(gate.inspect("/api/checks/a%2Fb/history?limit=5&reason=%E2%9C%93", headers())).isEmpty();
        assertThat(gate.inspect("/api/silences", headers("Content-Length", "30", "Content-Type", "application/json"))).isEmpty();
        assertThat(gate.inspect("/api/silences", headers("Content-Length", "30",
                "Content-Type", "application/merge-patch+json; charset=UTF-8"))).isEmpty();
        assertThat(gate.inspect("/api/silences", headers("Content-Length", "30"))).as("no type: the handler decides").isEmpty();
    }

    @Test
    void aMalformedPercentEscapeAnywhereInTheUrlIsABadRequest() {
        assertThat(status(gate.inspect("/api/%zz", headers()))).isEqualTo(400);
        assertThat(status(gate.inspect("/api/status?a=%", headers()))).isEqualTo(400);
        assertThat(status(gate.inspect("/api/status?%=1", headers()))).isEqualTo(400);
        assertThat(status(gate.inspect("/api/status?limit=%4", headers()))).isEqualTo(400);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "1025", "Content-Type", "application/json"))))
                .isEqualTo(413);
        assertThat(gate.inspect("/api/silences", headers("Content-Length", "1024", "Content-Type", "application/json")))
                .isEmpty();
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "lots")))).isEqualTo(400);
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "-5")))).isEqualTo(400);
    }

    @Test
    void formMultipartAndOtherNonJsonBodiesAreUnsupported() {
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "9",
                "Content-Type", "application/x-www-form-urlencoded")))).isEqualTo(415);
        assertThat(status(gate.inspect("/api/silences", headers("Transfer-Encoding", "chunked",
                "Content-Type", "multipart/form-data; boundary=x")))).isEqualTo(415);
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "9", "Content-Type", "text/plain"))))
                .isEqualTo(415);
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "9",
                "Content-Type", "application/json; charset=\"no-such-charset\"")))).isEqualTo(415);
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "9",
                "Content-Type", "application/json; charset=%%")))).isEqualTo(415);
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "9", "Content-Type", ";;;")))).isEqualTo(415);
        assertThat(status(gate.inspect("/api/silences", headers("Content-Length", "9", "Content-Type", ";")))).isEqualTo(415);
    }

    @Test
    void withoutABodyTheContentTypeDoesNotMatter() {
        assertThat(gate.inspect("/api/breakers/hunter/force-open?reason=x",
                headers("Content-Length", "0", "Content-Type", "application/x-www-form-urlencoded"))).isEmpty();
    }

    private static int status(Optional<RequestGate.Refusal> refusal) {
        return refusal.orElseThrow().status();
    }

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            headers.add(namesAndValues[index], namesAndValues[index + 1]);
        }
        return headers;
    }
}
