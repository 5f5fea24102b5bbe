package io.sentinel.config;

import java.util.regex.Pattern;

/**
 * Whether a text can name an interface to listen on: an IPv4 or IPv6 address or a DNS host name. Checked
 * by shape only (no lookup), so that {@code validate} refuses what the server could never bind, the same on
 * every machine.
 */
final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private HostNames() {
    }

    static boolean isValid(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            long colons = host.chars().filter(c -> c == ':').count();
            return IPV6.matcher(host).matches() && (host.contains("::") || colons == 7);
        }
        if (IPV4.matcher(host).matches()) {
            return true;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
