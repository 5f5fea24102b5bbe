package io.sentinel.cluster;

import io.sentinel.config.JGroupsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JGroups protocol stack of this member, as XML: Sentinel's own TCP stack ({@code jgroups/tcp.xml} in the jar)
 * filled in from the configuration, or the operator's file as it is.
 */
public final class JGroupsStacks {

    static final String DEFAULT_STACK = "/jgroups/tcp.xml";
    /** A member silent for this many lock intervals is suspected, as with the file service. */
    static final int SILENT_INTERVALS = ClusterServices.STALE_AFTER_INTERVALS;

    private JGroupsStacks() {
    }

    /** The XML to build the channel from. */
    public static String xml(JGroupsConfig config, Duration lockInterval) {
        if (config.ownStack().isPresent()) {
            try {
                return Files.readString(config.ownStack().get(), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("the JGroups stack " + config.ownStack().get() + " cannot be read",
                        unreadable);
            }
        }
        String template = template();
        for (Map.Entry<String, String> field : fields(config, lockInterval).entrySet()) {
            template = template.replace("{{" + field.getKey() + "}}", field.getValue());
        }
        return template;
    }

    /** Opens the XML for JGroups. */
    static InputStream open(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> fields(JGroupsConfig config, Duration lockInterval) {
        long interval = lockInterval.toMillis();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("bind_addr", config.bind().host());
        fields.put("bind_port", String.valueOf(config.bind().port()));
        // JGroups' own notation for TCPPING: host[port],host[port]
        fields.put("initial_hosts", config.members().stream().map(member -> member.host() + "[" + member.port() + "]")
                .collect(Collectors.joining(",")));
        fields.put("interval", String.valueOf(interval));
        fields.put("timeout", String.valueOf(interval * SILENT_INTERVALS));
        // two halves of a split look for each other this often, so a healed partition has one leader again soon
        fields.put("merge_min", String.valueOf(interval * 2));
        fields.put("merge_max", String.valueOf(interval * SILENT_INTERVALS));
        fields.put("join_timeout", String.valueOf(Math.max(2_000, interval * 2)));
        return fields;
    }

    private static String template() {
        try (InputStream in = JGroupsStacks.class.getResourceAsStream(DEFAULT_STACK)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_STACK + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
