package io.sentinel.provider.anonkey;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts a page loads, the way a browser would find them: {@code <script src>},
 * {@code <link rel="modulepreload" href>} (and {@code rel="preload" as="script"}), and {@code assets/….js}
 * paths named anywhere in the page. In a script, the chunks it imports ({@code "./Dashboard-3f2a.js"}) are
 * found too, because code splitting often puts the Supabase client outside the entry bundle.
 * Same-origin scripts come first: that is where an app's own code lives, analytics tags elsewhere.
 */
final class BundleLinks {

    private static final Pattern SCRIPT_SRC = Pattern.compile(
            "<script\\b[^>]*?(?<![\\w-])src\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("<link\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern REL = attribute("rel");
    private static final Pattern AS = attribute("as");
    private static final Pattern HREF = attribute("href");
    private static final Pattern ASSET_PATH = Pattern.compile("[\"'`]((?:\\.?/)?assets/[A-Za-z0-9._/-]+\\.m?js)(?:\\?[^\"'`]*)?[\"'`]");
    private static final Pattern RELATIVE_CHUNK = Pattern.compile("[\"'`](\\./[A-Za-z0-9._-]+\\.m?js)[\"'`]");

    private BundleLinks() {
    }

    /** The scripts {@code html} loads, resolved against the page, same-origin first, each once. */
    static List<URI> inPage(URI page, String html) {
        Set<URI> found = new LinkedHashSet<>();
        Matcher script = SCRIPT_SRC.matcher(html);
        while (script.find()) {
            String src = script.group(1) != null ? script.group(1) : script.group(2) != null ? script.group(2) : script.group(3);
            resolve(page, src).ifPresent(found::add);
        }
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            String tag = link.group();
            String rel = value(REL, tag).toLowerCase(Locale.ROOT);
            boolean loadsScript = rel.contains("modulepreload")
                    || rel.contains("preload") && value(AS, tag).equalsIgnoreCase("script");
            if (loadsScript) {
                resolve(page, value(HREF, tag)).ifPresent(found::add);
            }
        }
        Matcher asset = ASSET_PATH.matcher(html);
        while (asset.find()) {
            resolve(page, asset.group(1)).ifPresent(found::add);
        }
        return sameOriginFirst(page, found);
    }

    /** The chunks a script imports: {@code ./x.js} beside the script, {@code assets/x.js} from the page. */
    static List<URI> inBundle(URI page, URI bundle, String code) {
        Set<URI> found = new LinkedHashSet<>();
        Matcher relative = RELATIVE_CHUNK.matcher(code);
        while (relative.find()) {
            resolve(bundle, relative.group(1)).ifPresent(found::add);
        }
        Matcher asset = ASSET_PATH.matcher(code);
        while (asset.find()) {
            resolve(page, asset.group(1)).ifPresent(found::add);
        }
        return sameOriginFirst(page, found);
    }

    private static List<URI> sameOriginFirst(URI page, Set<URI> scripts) {
        List<URI> ordered = new ArrayList<>();
        scripts.stream().filter(uri -> sameOrigin(page, uri)).forEach(ordered::add);
        scripts.stream().filter(uri -> !sameOrigin(page, uri)).forEach(ordered::add);
        return ordered;
    }

    static boolean sameOrigin(URI page, URI other) {
        return page.getScheme().equalsIgnoreCase(other.getScheme()) && page.getHost().equalsIgnoreCase(other.getHost())
                && port(page) == port(other);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Optional<URI> resolve(URI base, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        try {
            URI resolved = base.resolve(new URI(reference.strip().replace("&amp;", "&")));
            String scheme = Objects.toString(resolved.getScheme(), "").toLowerCase(Locale.ROOT);
            boolean fetchable = (scheme.equals("http") || scheme.equals("https")) && resolved.getHost() != null;
            return fetchable ? Optional.of(resolved) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

    private static Pattern attribute(String name) {
        return Pattern.compile("(?<![\\w-])" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    }

    private static String value(Pattern attribute, String tag) {
        Matcher matcher = attribute.matcher(tag);
        if (!matcher.find()) {
            return "";
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    }
}
