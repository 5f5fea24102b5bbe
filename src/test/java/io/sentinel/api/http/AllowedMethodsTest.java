package io.sentinel.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

    private static Vertx vertx;
    private static AllowedMethods allowed;

    @BeforeAll
    static void routesLikeCamelRegistersThem() {
        // Vert.x adds a route to its router once the route has a handler
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route("/api/silences").method(HttpMethod.GET).handler(AllowedMethodsTest::ignore);
        router.route("/api/silences").method(HttpMethod.POST).handler(AllowedMethodsTest::ignore);
        router.route("/api/silences/:id").method(HttpMethod.DELETE).handler(AllowedMethodsTest::ignore);
        router.route("/api/checks/:id/history").method(HttpMethod.GET).handler(AllowedMethodsTest::ignore);
        router.route("/observe/health*").method(HttpMethod.GET).handler(AllowedMethodsTest::ignore);
        router.route("/everything").handler(AllowedMethodsTest::ignore);
        allowed = new AllowedMethods(() -> List.of(router));
    }

    private static void ignore(io.vertx.ext.web.RoutingContext context) {
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    @Test
    void everyRouteOfAPathContributesItsMethods() {
        assertThat(allowed.of("/api/silences")).containsExactly("GET", "POST");
        assertThat(allowed.of("/api/silences/")).containsExactly("GET", "POST");
    }

    @Test
    void pathParametersMatchOneNonEmptySegment() {
        assertThat(allowed.of("/api/silences/6f0c")).containsExactly("DELETE");
        assertThat(allowed.of("/api/checks/db-ping/history")).containsExactly("GET");
        assertThat(allowed.of("/api/checks//history")).isEmpty();
        assertThat(allowed.of("/api/checks/a/b/history")).isEmpty();
    }

    @Test
    void wildcardRoutesMatchByPrefixAndRoutesForEveryMethodAreNotListed() {
        assertThat(allowed.of("/observe/health/ready")).containsExactly("GET");
        assertThat(allowed.of("/everything")).isEmpty();
        assertThat(allowed.of("/nothing")).isEmpty();
    }
}
