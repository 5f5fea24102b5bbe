package io.sentinel.provider.anonkey;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Judges what the frontend ships against what is configured. The configured values are the truth: finding
 * them both is UP; finding another project or another key instead is the classic 401-after-deploy (AUTH);
 * finding nothing is SCHEMA, because the page no longer looks like the app we know, unless a bundle could not
 * be read, which then says why.
 */
final class AnonKeyVerdict {

    private static final String CONSEQUENCE = " — requests will get 401 after this deploy";
    private static final int MAX_FINGERPRINTS = 3;

    private AnonKeyVerdict() {
    }

    static ProbeResult judge(Survey survey, AnonKeyOptions options, ProbeResult.Builder result) {
        Findings findings = survey.findings();
        String configuredKey = options.anonKey().value();
        String configuredHost = options.supabaseUrl().getHost();
        if (findings.confirmsConfiguration()) {
            return result.up("frontend ships the configured Supabase URL and anon key" + otherKeysNote(findings, configuredKey));
        }
        List<String> mismatches = new ArrayList<>();
        List<String> otherHosts = findings.otherProjectHosts(configuredHost);
        if (!findings.hasConfiguredUrl() && !otherHosts.isEmpty()) {
            mismatches.add("a different Supabase project (" + String.join(", ", otherHosts) + "; configured "
                    + configuredHost + ")");
        }
        List<FoundKey> otherKeys = findings.otherKeys(configuredKey);
        if (!findings.hasConfiguredKey() && !otherKeys.isEmpty()) {
            mismatches.add((otherKeys.size() == 1 ? "a different anon key (fingerprint " : "different anon keys (fingerprints ")
                    + fingerprints(otherKeys, options) + ", configured " + KeyFingerprint.of(configuredKey) + ")");
        }
        if (!mismatches.isEmpty()) {
            return result.down(FailureClass.AUTH, "the deployed frontend ships " + String.join(" and ", mismatches) + CONSEQUENCE);
        }
        return inconclusive(survey, result);
    }

    /** Neither a match nor a mismatch: a bundle that could not be read says why, else the shape is unknown. */
    private static ProbeResult inconclusive(Survey survey, ProbeResult.Builder result) {
        Findings findings = survey.findings();
        String searched = "the page or its " + survey.bundlesRead() + (survey.bundlesRead() == 1 ? " bundle" : " bundles")
                + truncationNote(survey);
        String missing = findings.hasConfiguredUrl() ? "frontend ships the configured Supabase URL but no anon key was found in "
                : findings.hasConfiguredKey() ? "frontend ships the configured anon key but no Supabase URL was found in "
                : "no Supabase URL or key found in ";
        List<Survey.Unread> unread = survey.unreadBundles();
        if (!unread.isEmpty()) {
            Survey.Unread first = unread.get(0);
            String others = unread.size() > 1 ? " (and " + (unread.size() - 1) + " more unreadable)" : "";
            return result.down(first.failureClass(), "bundle " + first.path() + ": " + first.reason() + others + "; "
                    + missing + searched);
        }
        if (survey.isOutOfTime()) {
            return result.down(FailureClass.TIMEOUT, "ran out of time after reading " + survey.bundlesRead()
                    + " bundles; " + missing + searched);
        }
        return result.down(FailureClass.SCHEMA, missing + searched);
    }

    private static String fingerprints(List<FoundKey> keys, AnonKeyOptions options) {
        return keys.stream().limit(MAX_FINGERPRINTS).map(key -> key.fingerprint() + key.projectRef()
                        .filter(ref -> options.projectRef().map(configured -> !configured.equals(ref)).orElse(true))
                        .map(ref -> " issued for project " + ref).orElse(""))
                .collect(Collectors.joining(", "));
    }

    private static String otherKeysNote(Findings findings, String configuredKey) {
        List<FoundKey> others = findings.otherKeys(configuredKey);
        if (others.isEmpty()) {
            return "";
        }
        return " (it also contains " + others.size() + " other anon key" + (others.size() == 1 ? "" : "s") + ": "
                + others.stream().limit(MAX_FINGERPRINTS).map(FoundKey::fingerprint).collect(Collectors.joining(", ")) + ")";
    }

    private static String truncationNote(Survey survey) {
        if (survey.truncated() == 0) {
            return "";
        }
        return " (" + survey.truncated() + " cut at " + HttpCaller.BODY_LIMIT_BYTES / (1024 * 1024) + " MiB)";
    }
}
