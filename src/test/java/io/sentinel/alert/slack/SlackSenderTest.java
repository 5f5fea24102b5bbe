package io.sentinel.alert.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.sentinel.alert.TestNotifications.NOW;
import static io.sentinel.alert.TestNotifications.alert;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.DeliveryOutcome.Delivered;
import io.sentinel.alert.DeliveryOutcome.Rejected;
import io.sentinel.alert.DeliveryOutcome.RetryLater;
import io.sentinel.alert.Notification;
import io.sentinel.config.SlackChannelConfig;
import io.sentinel.http.HttpCaller;
import io.sentinel.provider.ProviderFixtures;
import io.sentinel.secret.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A webhook served by WireMock from the reference fixtures, with the statuses the fixture index gives. */
class SlackSenderTest {

    private static final String PATH = "/services/TFAKE0001/BFAKE0001/webhookTokenFake0123456789";

    private static WireMockServer slack;
    private static HttpCaller http;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Every outcome of a test, checked afterwards for the webhook URL. */
    private final List<DeliveryOutcome> outcomes = new ArrayList<>();
    private final Notification notification = alert("no answer within 10s");

    @BeforeAll
    static void start() {
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        http = new HttpCaller();
    }

    @AfterAll
    static void stop() {
        http.close();
        slack.stop();
    }

    @BeforeEach
    void forgetStubsAndRequests() {
        slack.resetAll();
    }

    @AfterEach
    void noReasonEverShowsTheWebhookUrl() {
        assertThat(outcomes).allSatisfy(outcome -> assertThat(reasonOf(outcome))
                .doesNotContain(PATH).doesNotContain("webhookTokenFake0123456789").doesNotContain(webhookUrl()));
    }

    @Test
    void okIsDeliveredAndTheRequestIsTheRenderedJson() {
        serve(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(fixture("ok.txt")));

        assertThat(deliver(sender())).isEqualTo(new Delivered());

        slack.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson(SlackMessage.render(notification, NOW).json())));
    }

    @Test
    void threeServerErrorsAreRetriedUntilSlackAnswersOk() {
        for (int failure = 0; failure < 3; failure++) {
            slack.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs(failure == 0 ? STARTED : "failed " + failure)
                    .willReturn(aResponse().withStatus(500).withBody("Internal Server Error"))
                    .willSetStateTo("failed " + (failure + 1)));
        }
        slack.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs("failed 3")
                .willReturn(aResponse().withStatus(200).withBody(fixture("ok.txt"))));
        SlackSender sender = sender();

        List<DeliveryOutcome> attempts = List.of(deliver(sender), deliver(sender), deliver(sender), deliver(sender));

        assertThat(attempts).hasExactlyElementsOfTypes(RetryLater.class, RetryLater.class, RetryLater.class, Delivered.class);
        assertThat(((RetryLater) attempts.get(0)).reason()).startsWith("Slack answered 500 Internal Server Error");
        slack.verify(4, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aRollupErrorIsRetried() {
        serve(aResponse().withStatus(500).withBody(fixture("rollup-error.txt")));

        assertThat(deliver(sender())).isInstanceOf(RetryLater.class);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
        serve(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody(fixture("rate-limited.txt")));

        DeliveryOutcome outcome = deliver(sender());

        assertThat(outcome).isEqualTo(new RetryLater("Slack answered 429 rate_limited: rate limited, retry in 2s",
                Optional.of(Duration.ofSeconds(2))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "Wed, 21 Oct 2026 07:28:00 GMT", "-5"})
    void tooManyRequestsWithoutReadableRetryAfterWaitsOneSecond(String retryAfter) {
        ResponseDefinitionBuilder response = aResponse().withStatus(429).withBody(fixture("rate-limited.txt"));
        serve(retryAfter.isEmpty() ? response : response.withHeader("Retry-After", retryAfter));

        assertThat(deliver(sender())).isInstanceOfSatisfying(RetryLater.class,
                retry -> assertThat(retry.notBefore()).contains(Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{1} {0} → channel broken: {2}")
    @CsvSource({
            "no-service.txt,                404, true",
            "invalid-token.txt,             403, true",
            "channel-not-found.txt,         404, true",
            "channel-is-archived.txt,       410, true",
            "action-prohibited.txt,         403, true",
            "posting-to-general-denied.txt, 403, true",
            "invalid-payload.txt,           400, false",
            "no-text.txt,                   400, false",
            "user-not-found.txt,            400, false"})
    void aPermanentErrorIsRejectedAndSaysWhetherTheChannelIsBroken(String fixture, int status, boolean channelBroken) {
        serve(aResponse().withStatus(status).withBody(fixture(fixture)));

        assertThat(deliver(sender())).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.channelBroken()).isEqualTo(channelBroken);
            assertThat(rejected.reason()).startsWith("Slack answered " + status + " " + fixture(fixture).strip() + ": ");
        });
    }

    /** Codes the reference lists without a confirmed status or a fixture: the body decides, whatever the status. */
    @ParameterizedTest(name = "{1} {0} → channel broken: {2}")
    @CsvSource({
            "team_disabled,        403, true",
            "no_active_hooks,      404, true",
            "too_many_attachments, 400, false",
            "unheard_of_error,     400, false",
            "<html>Not Found</html>, 404, true",
            "Forbidden,            403, true"})
    void otherRefusalsAreRejected(String body, int status, boolean channelBroken) {
        serve(aResponse().withStatus(status).withBody(body));

        assertThat(deliver(sender())).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.channelBroken()).isEqualTo(channelBroken));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {404, 500})
    void aReplyQuotingTheWebhookShowsNoneOfItInAnyForm(int status) {
        String url = webhookUrl();
        String token = "webhookTokenFake0123456789";
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        serve(aResponse().withStatus(status).withBody("no_service: " + url + " path=" + PATH + " token " + token
                + " b64 " + base64.encodeToString(url.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + " enc " + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8)
                + " json " + url.replace("/", "\\/") + " part " + token.substring(0, 12)));

        String reason = reasonOf(deliver(sender()));

        assertThat(reason).startsWith("Slack answered " + status + " no_service: ****").doesNotContain("TFAKE0001");
        for (int start = 0; start + 8 <= token.length(); start++) {
            assertThat(reason.toLowerCase(java.util.Locale.ROOT)).doesNotContain(token.substring(start, start + 8).toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void aLongReplyIsRedactedBeforeItIsCut() {
        // the webhook path straddles the cut at 200 characters
        serve(aResponse().withStatus(404).withBody("x".repeat(170) + " " + PATH));

        String reason = reasonOf(deliver(sender()));

        assertThat(reason).doesNotContain("webhookTo").doesNotContain("TFAKE").contains("****");
    }

    @Test
    void aStatus200WithoutOkIsRetried() {
        serve(aResponse().withStatus(200).withBody("<html>Sign in to the proxy</html>"));

        assertThat(deliver(sender())).isEqualTo(new RetryLater(
                "Slack answered 200 <html>Sign in to the proxy</html> instead of ok", Optional.empty()));
    }

    @Test
    void aWebhookSlowerThanTheDeadlineIsRetried() {
        serve(aResponse().withStatus(200).withBody("ok").withFixedDelay(3_000));

        DeliveryOutcome outcome = deliver(new SlackSender(config(webhookUrl()), http, clock, Duration.ofSeconds(1)));

        assertThat(outcome).isInstanceOfSatisfying(RetryLater.class, retry -> assertThat(retry.reason())
                .isEqualTo("Slack webhook not reached (TIMEOUT): no complete response within 1s"));
    }

    @Test
    void aMessageThatCannotBeBuiltIsRefusedAloneSoItCannotHoldTheChannel() {
        serve(aResponse().withStatus(200).withBody("ok"));
        java.time.Clock broken = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                throw new IllegalStateException("rendering bug");
            }
        };

        DeliveryOutcome outcome = deliver(new SlackSender(config(webhookUrl()), http, broken));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, refused -> {
            assertThat(refused.channelBroken()).as("the channel itself works").isFalse();
            assertThat(refused.reason()).startsWith("Slack could not send this alert").contains("rendering bug");
        });
    }

    @Test
    void aHostThatDoesNotResolveIsRetried() {
        String url = "https://hooks.slack.invalid" + PATH;

        DeliveryOutcome outcome = deliver(new SlackSender(config(url), http, clock));

        assertThat(outcome).isInstanceOfSatisfying(RetryLater.class,
                retry -> assertThat(retry.reason()).startsWith("Slack webhook not reached (DNS)").doesNotContain(url));
    }

    @Test
    void aClosedPortIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + PATH;

        DeliveryOutcome outcome = deliver(new SlackSender(config(url), http, clock));

        assertThat(outcome).isInstanceOfSatisfying(RetryLater.class,
                retry -> assertThat(retry.reason()).startsWith("Slack webhook not reached (CONNECT)").doesNotContain(url));
    }

    @Test
    void aMissingWebhookUrlBreaksTheChannelAndNamesTheVariable() {
        SlackSender sender = new SlackSender(new SlackChannelConfig("ops-slack",
                Secret.fromVariable("", "SLACK_WEBHOOK_URL")), http, clock);

        assertThat(deliver(sender)).isEqualTo(new Rejected("no webhook URL: set SLACK_WEBHOOK_URL", true));
        assertThat(slack.getAllServeEvents()).isEmpty();
    }

    @Test
    void aWebhookUrlThatIsNoUrlBreaksTheChannelWithoutBeingQuoted() {
        String notAUrl = "hooks.slack.com" + PATH;

        DeliveryOutcome outcome = deliver(new SlackSender(config(notAUrl), http, clock));

        assertThat(outcome).isEqualTo(new Rejected("the webhook URL is not an http(s) URL: configure webhookUrl", true));
    }

    private SlackSender sender() {
        return new SlackSender(config(webhookUrl()), http, clock);
    }

    private static SlackChannelConfig config(String url) {
        return new SlackChannelConfig("ops-slack", Secret.of(url));
    }

    private static String webhookUrl() {
        return slack.baseUrl() + PATH;
    }

    private DeliveryOutcome deliver(SlackSender sender) {
        DeliveryOutcome outcome = sender.deliver(notification);
        outcomes.add(outcome);
        return outcome;
    }

    private static void serve(ResponseDefinitionBuilder response) {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private static String fixture(String name) {
        return ProviderFixtures.body("slack/" + name);
    }

    private static String reasonOf(DeliveryOutcome outcome) {
        if (outcome instanceof RetryLater retry) {
            return retry.reason();
        }
        return outcome instanceof Rejected rejected ? rejected.reason() : "";
    }
}
