package io.sentinel.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * HttpClient's system resolver, asked afresh on every call as before, minus the stream its default
 * {@code resolve(host, port)} builds for each lookup: with the C1-only compiler Sentinel runs on, that stream was the
 * largest single share of HttpClient's own work per probe. Names, IDNs and IPv6 literals are resolved by
 * {@link SystemDefaultDnsResolver} itself.
 */
final class SystemDnsResolver implements DnsResolver {

    static final SystemDnsResolver INSTANCE = new SystemDnsResolver();

    private SystemDnsResolver() {
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolve(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        InetAddress[] addresses = resolve(host);
        if (addresses == null) {
            return List.of(InetSocketAddress.createUnresolved(host, port));
        }
        List<InetSocketAddress> endpoints = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            endpoints.add(new InetSocketAddress(address, port));
        }
        return endpoints;
    }
}
