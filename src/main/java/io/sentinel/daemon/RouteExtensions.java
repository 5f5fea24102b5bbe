package io.sentinel.daemon;

import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.alert.webhook.WebhookPoster;
import io.sentinel.config.CheckIndex;
import io.sentinel.http.HttpCaller;
import io.sentinel.metrics.RouteResultMetrics;
import io.sentinel.kamelet.HttpJudgeAction;
import io.sentinel.kamelet.ResultContract;
import io.sentinel.kamelet.SecretProperties;
import org.apache.camel.CamelContext;
import java.time.Clock;
import org.apache.camel.main.Main;

/** The beans behind the Kamelets of {@code src/main/resources/kamelets}, which operators' routes use. */
final class RouteExtensions {

    private RouteExtensions() {
    }

    static void bind(Main main, CheckIndex checks, MeterRegistry metrics, HttpCaller http, Clock clock) {
        main.bind(BeanNames.HTTP_JUDGE, new HttpJudgeAction(checks, clock));
        main.bind(BeanNames.RESULT_CONTRACT, new ResultContract(checks, new RouteResultMetrics(metrics), clock));
        main.bind(BeanNames.WEBHOOK_POSTER, new WebhookPoster(http, System::getenv));
    }

    /** {@code {{secret:NAME}}} for routes; the context must exist and its routes not be built yet. */
    static void configure(CamelContext camel) {
        camel.getPropertiesComponent().addPropertiesFunction(new SecretProperties(System::getenv));
    }
}
