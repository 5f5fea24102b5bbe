package io.sentinel.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ApiHeaderFilterStrategyTest {

    private final ApiHeaderFilterStrategy filter = new ApiHeaderFilterStrategy();
    private final CamelContext camel = new DefaultCamelContext();
    private final Exchange exchange = new DefaultExchange(camel);

    @Test
    void onlyTheApisOwnHeadersLeaveWhateverTheirCase() {
        for (String own : new String[] {"Content-Type", "cache-control", "WWW-Authenticate", "Retry-After"}) {
            assertThat(filter.applyFilterToCamelHeaders(own, "x", exchange)).as(own).isFalse();
        }
        for (String other : new String[] {"Set-Cookie", "Location", "Access-Control-Allow-Origin", "Authorization",
                "limit", "a b", "CamelHttpResponseCode", "Content-Length", "X-Anything"}) {
            assertThat(filter.applyFilterToCamelHeaders(other, "x", exchange)).as(other).isTrue();
        }
    }

    @Test
    void onlyTheQueryParametersHandlersReadComeIn() {
        assertThat(filter.applyFilterToExternalHeaders("limit", "5", exchange)).isFalse();
        assertThat(filter.applyFilterToExternalHeaders("Reason", "outage", exchange)).isFalse();
        for (String other : new String[] {"Set-Cookie", "Location", "Cookie", "a b", "CamelHttpResponseCode",
                "Content-Type", "X-Forwarded-For", "access_token"}) {
            assertThat(filter.applyFilterToExternalHeaders(other, "x", exchange)).as(other).isTrue();
        }
    }

    @Test
    void authorizationComesInOnlyFromARealRequestHeader() {
        // a plain message is not an HTTP request: whatever says Authorization there did not come as a header
        assertThat(filter.applyFilterToExternalHeaders("Authorization", "Bearer token", exchange)).isTrue();
        assertThat(filter.applyFilterToExternalHeaders("authorization", "Bearer token", exchange)).isTrue();
    }
}
