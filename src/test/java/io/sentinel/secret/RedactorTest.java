package io.sentinel.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private static final String KEY = "hk_live_7f3a9c2e5b8d41f0a6c3e9b2";
    private static final String WEBHOOK = "https://hooks.slack.com/services/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";
    private static final String TOKEN = "q8WzR2mN5vK7xP3sL9tY4cJ1";
    private static final String USER = "alerts@prospectpro.test";
    private static final String PASSWORD = "smtp-Pw-91c4e7a2";

    private final Redactor redactor = new Redactor();

    @Test
    void aSecretIsMaskedWholeWherever() {
        redactor.register(KEY);

        assertThat(redactor.redact("401 for key " + KEY + ".")).isEqualTo("401 for key ****.");
        assertThat(redactor.redact(KEY)).isEqualTo(Redactor.MASK);
        assertThat(redactor.redact("a" + KEY + KEY + "b")).isEqualTo("a****b");
    }

    @Test
    void anyPieceOfEightOrMoreCharactersIsMasked() {
        String random = "7f3aQ9c2e5B8d41f0a6c3E9b2hK";
        redactor.register(random);

        for (int start = 0; start + SecretMatcher.WINDOW <= random.length(); start++) {
            for (int end = start + SecretMatcher.WINDOW; end <= random.length(); end++) {
                String piece = random.substring(start, end);
                assertThat(redactor.redact("key '" + piece + "' is invalid")).isEqualTo("key '****' is invalid");
            }
        }
    }

    @Test
    void aPieceThatReadsAsAWordIsLeftButTheRestOfTheSecretIsNot() {
        redactor.register(KEY);

        assertThat(redactor.redact("keys start with hk_live_")).isEqualTo("keys start with hk_live_");
        assertThat(redactor.redact("key hk_live_7f3a9c2e")).isEqualTo("key h****");
        assertThat(redactor.redact("x-vercel-cache HIT")).isEqualTo("x-vercel-cache HIT");
        redactor.register("vercel-config-token-0123456789");
        assertThat(redactor.redact("x-vercel-cache HIT")).isEqualTo("x-vercel-cache HIT");
        assertThat(redactor.redact("token vercel-config-token-0123456789")).isEqualTo("token ****");
    }

    @Test
    void aSecretMadeOfWordsIsStillMaskedWhole() {
        redactor.register("correct-horse-battery-staple");

        assertThat(redactor.redact("password correct-horse-battery-staple")).isEqualTo("password ****");
        assertThat(redactor.redact("a correct horse")).isEqualTo("a correct horse");
    }

    @Test
    void letterCaseDoesNotHideASecret() {
        String hex = "9f86d081884c7d659a2feaa0c55ad015";
        redactor.register(hex);

        assertThat(redactor.redact("token " + hex.toUpperCase(Locale.ROOT))).isEqualTo("token ****");
        assertThat(redactor.redact("AUTH " + KEY.toUpperCase(Locale.ROOT))).isEqualTo("AUTH " + KEY.toUpperCase(Locale.ROOT));
        redactor.register(KEY);
        assertThat(redactor.redact("AUTH " + KEY.toUpperCase(Locale.ROOT))).isEqualTo("AUTH ****");
    }

    @Test
    void encodedFormsAreMasked() {
        String secret = "p@ss/w0rd+with=odd&chars~\"quoted\"";
        redactor.register(secret);
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);

        for (String form : new String[] {
                Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                URLEncoder.encode(URLEncoder.encode(secret, StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                SecretEncodings.percent(secret, false).toLowerCase(Locale.ROOT),
                "p%40ss/w0rd%2Bwith%3Dodd%26chars~%22quoted%22",
                "p@ss\\/w0rd+with=odd&chars~\\\"quoted\\\"",
                "p@ss/w0rd+with\\u003dodd\\u0026chars~\\\"quoted\\\"",
                "p@ss/w0rd+with=odd&amp;chars~&quot;quoted&quot;"}) {
            assertThat(redactor.redact("said: " + form + " end")).as(form).isEqualTo("said: **** end");
        }
    }

    @Test
    void aSecretInsideALongerBase64ValueIsMaskedAtEveryAlignment() {
        redactor.register(KEY);

        for (String before : new String[] {"", "x", "xy", "{\"api_key\":\"", "Authorization: "}) {
            String encoded = Base64.getEncoder().encodeToString((before + KEY + "\"}").getBytes(StandardCharsets.UTF_8));
            String redacted = redactor.redact("blob " + encoded);
            assertThat(redacted).as("after %s", before).contains(Redactor.MASK);
            assertThat(decodableText(redacted)).doesNotContain(KEY.substring(4, 20));
        }
    }

    @Test
    void aWebhookUrlIsMaskedWholeAndItsSecretPartsAlone() {
        redactor.register(WEBHOOK);

        assertThat(redactor.redact("POST " + WEBHOOK + " failed")).isEqualTo("POST **** failed");
        assertThat(redactor.redact("no_service: /services/T0123ABCD/B0456EFGH/" + TOKEN)).isEqualTo("no_service: ****");
        assertThat(redactor.redact("token " + TOKEN + " revoked")).isEqualTo("token **** revoked");
        assertThat(redactor.redact("path T0123ABCD/B0456EFGH/q8WzR")).isEqualTo("path ****");
        assertThat(redactor.redact("{\"url\":\"https:\\/\\/hooks.slack.com\\/services\\/T0123ABCD\\/B0456EFGH\\/" + TOKEN + "\"}"))
                .isEqualTo("{\"url\":\"****\"}");
        assertThat(redactor.redact("url=" + URLEncoder.encode(WEBHOOK, StandardCharsets.UTF_8))).isEqualTo("url=****");
        assertThat(redactor.redact(Base64.getEncoder().encodeToString(WEBHOOK.getBytes(StandardCharsets.UTF_8))))
                .contains(Redactor.MASK);
    }

    @Test
    void theHostAndPlainWordsOfASecretUrlStayReadable() {
        redactor.register(WEBHOOK);

        String innocent = "Slack channel ops-slack: POST to https://hooks.slack.com/services failed; services healthy";
        assertThat(redactor.redact(innocent)).isEqualTo(innocent);
    }

    @Test
    void aWebhookUrlWithoutItsSchemeIsStillAUrl() {
        redactor.register("hooks.slack.com/services/T0123ABCD/B0456EFGH/" + TOKEN);

        assertThat(redactor.redact("token " + TOKEN)).isEqualTo("token ****");
        assertThat(redactor.redact("hooks.slack.com services")).isEqualTo("hooks.slack.com services");
    }

    @Test
    void aUrlWithoutAnyTokenIsMaskedOnlyWhole() {
        redactor.register("https://internal.example/hooks/alerts");

        assertThat(redactor.redact("to https://internal.example/hooks/alerts")).isEqualTo("to ****");
        assertThat(redactor.redact("sentinel.alerts - FIRING")).isEqualTo("sentinel.alerts - FIRING");
    }

    @Test
    void theUserInfoAndCredentialParametersOfASecretUrlAreMasked() {
        redactor.register("https://svc:Zq81xLm0pQ@api.example/v1/items?api_key=k3yV4lu3x9&format=json");

        assertThat(redactor.redact("login Zq81xLm0pQ failed")).isEqualTo("login **** failed");
        assertThat(redactor.redact("key k3yV4lu3x9 unknown")).isEqualTo("key **** unknown");
        assertThat(redactor.redact("format json")).isEqualTo("format json");
    }

    @Test
    void smtpAuthDataIsMaskedInEveryMechanismsEncoding() {
        redactor.registerLogin(USER, PASSWORD);
        Base64.Encoder base64 = Base64.getEncoder();
        String plain = base64.encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String plainWithAuthorizationId = base64.encodeToString(
                (USER + "\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        assertThat(redactor.redact("535 5.7.8 bad AUTH PLAIN " + plain)).isEqualTo("535 5.7.8 bad AUTH PLAIN ****");
        assertThat(redactor.redact("535 5.7.8 AUTH PLAIN " + plain.toUpperCase(Locale.ROOT)))
                .isEqualTo("535 5.7.8 AUTH PLAIN ****");
        assertThat(redactor.redact("535 " + plainWithAuthorizationId)).isEqualTo("535 ****");
        assertThat(redactor.redact("535 login " + base64.encodeToString(USER.getBytes(StandardCharsets.UTF_8)) + " "
                + base64.encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)))).isEqualTo("535 login **** ****");
        assertThat(redactor.redact("Authorization: Basic "
                + base64.encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("Authorization: Basic ****");
        assertThat(redactor.redact("535 " + plain.substring(0, 20))).isEqualTo("535 ****");
        assertThat(redactor.redact("user " + USER + " refused")).as("the user name is not secret")
                .isEqualTo("user " + USER + " refused");
    }

    @Test
    void aShortPasswordIsStillCoveredInsideTheAuthData() {
        redactor.registerLogin(USER, "abc");
        String plain = Base64.getEncoder().encodeToString(("\0" + USER + "\0abc").getBytes(StandardCharsets.UTF_8));

        assertThat(redactor.redact("535 " + plain)).isEqualTo("535 ****");
    }

    @ParameterizedTest
    @ValueSource(strings = {"…", "..."})
    void theStartOfASecretLeftAtACutIsMasked(String cut) {
        redactor.register(KEY);

        assertThat(redactor.redact("key hk_live_7f3" + cut)).isEqualTo("key h****" + cut);
        assertThat(redactor.redact("key 5b8d41" + cut)).as("any piece, at a cut").isEqualTo("key ****" + cut);
        assertThat(redactor.redact("key 5b8d41f" + cut)).isEqualTo("key ****" + cut);
    }

    @Test
    void sixCharactersElsewhereAreNotTakenForASecret() {
        redactor.register(KEY);

        assertThat(redactor.redact("5b8d41 is short")).isEqualTo("5b8d41 is short");
        assertThat(redactor.redact("ends in 5b8d41")).isEqualTo("ends in 5b8d41");
    }

    @Test
    void shorteningRedactsBeforeItCuts() {
        redactor.register(KEY);
        String text = "x".repeat(90) + KEY + " and more";

        String shortened = redactor.shorten(text, 100);

        assertThat(shortened).isEqualTo("x".repeat(90) + "**** and …");
        assertThat(redactor.shorten("y".repeat(97) + KEY, 100)).as("a mask is not cut in two").isEqualTo("y".repeat(97) + "…");
        assertThat(redactor.shorten("short", 100)).isEqualTo("short");
        assertThatThrownBy(() -> redactor.shorten("x", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHugeTextIsBoundedBeforeRedactionWithoutLeavingAPiece() {
        redactor.register(KEY);
        String text = (KEY + " ").repeat(50_000);

        String shortened = redactor.shorten(text, 200);

        assertThat(shortened).hasSizeLessThanOrEqualTo(200).doesNotContain("hk_live");
    }

    @Test
    void credentialsInConnectionStringsAreRegisteredButNotTheRest() {
        redactor.registerCredentialsIn("jdbc:h2:file:./data/sentinel;AUTO_SERVER=FALSE;PASSWORD=h2-Secret-0042");
        redactor.registerCredentialsIn("jdbc:postgresql://db.example:5432/sentinel?user=app&password=pgPass-7731");
        redactor.registerCredentialsIn("postgresql://app:uiPass-5521@db.example/sentinel");

        assertThat(redactor.redact("h2-Secret-0042 pgPass-7731 uiPass-5521")).isEqualTo("**** **** ****");
        assertThat(redactor.redact("Database jdbc:h2:file:./data/sentinel ready on db.example"))
                .isEqualTo("Database jdbc:h2:file:./data/sentinel ready on db.example");
    }

    @Test
    void unconfiguredCredentialParametersAndBearerTokensAreMasked() {
        assertThat(redactor.redact("GET https://maps.example/api?query=x&key=AIzaUnknown123&x=1"))
                .isEqualTo("GET https://maps.example/api?query=x&key=****&x=1");
        assertThat(redactor.redact("Authorization: BEARER abcdefgh12345678")).isEqualTo("Authorization: BEARER ****");
        assertThat(redactor.redact("no credentials = here")).isEqualTo("no credentials = here");
    }

    @Test
    void shortAndBlankValuesAreNotRegistered() {
        redactor.register("on");
        redactor.register("     ");
        redactor.register(null);

        assertThat(redactor.redact("turned on")).isEqualTo("turned on");
    }

    @Test
    void noEightCharacterPieceOfRandomSecretsSurvivesInRandomText() {
        Random random = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String[] secrets = new String[20];
        for (int i = 0; i < secrets.length; i++) {
            secrets[i] = randomText(random, alphabet, 12 + random.nextInt(40));
            redactor.register(secrets[i]);
        }
        for (int round = 0; round < 300; round++) {
            String secret = secrets[random.nextInt(secrets.length)];
            int start = random.nextInt(secret.length() - SecretMatcher.WINDOW + 1);
            int end = start + SecretMatcher.WINDOW + random.nextInt(secret.length() - start - SecretMatcher.WINDOW + 1);
            String text = randomText(random, alphabet + "  .:/", random.nextInt(30)) + secret.substring(start, end)
                    + randomText(random, alphabet + "  .:/", random.nextInt(30));

            String redacted = redactor.redact(text).toLowerCase(Locale.ROOT);

            for (String known : secrets) {
                for (int i = 0; i + SecretMatcher.WINDOW <= known.length(); i++) {
                    String piece = known.substring(i, i + SecretMatcher.WINDOW);
                    if (!SecretMatcher.readsAsWord(piece, 0, piece.length())) {
                        assertThat(redacted).doesNotContain(piece.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Whatever base64 runs remain, decoded, so the test can look for the secret inside. */
    private static String decodableText(String redacted) {
        StringBuilder decoded = new StringBuilder();
        for (String run : redacted.split("[^A-Za-z0-9+/=]+")) {
            for (int drop = 0; drop < 4 && run.length() - drop >= 4; drop++) {
                try {
                    String part = run.substring(drop, drop + (run.length() - drop) / 4 * 4);
                    decoded.append(new String(Base64.getDecoder().decode(part), StandardCharsets.ISO_8859_1)).append('|');
                } catch (IllegalArgumentException notBase64) {
                    // another alignment may decode
                }
            }
        }
        return decoded.toString();
    }
}
