package io.sentinel.provider.foursquare;

import io.sentinel.config.CheckOptions;
import io.sentinel.provider.ProviderUrls;
import io.sentinel.secret.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a {@code foursquare} check.
 *
 * @param apiKey      the Places service key, sent as {@code Authorization: Bearer}
 * @param baseUrl     {@code https://places-api.foursquare.com}
 * @param ll          where to search, {@code latitude,longitude}
 * @param apiVersion  the {@code X-Places-Api-Version} header, a date
 */
public record FoursquareOptions(Secret apiKey, URI baseUrl, String ll, String apiVersion)
        implements CheckOptions {

    public static final URI DEFAULT_BASE_URL = URI.create("https://places-api.foursquare.com");
    /** The Empire State Building: a point with places around it for as long as Foursquare exists. */
    public static final String DEFAULT_LL = "40.7484,-73.9857";
    public static final String DEFAULT_API_VERSION = "2025-06-17";
    /**
     * Each search is one Places Pro call: 500 a month are free, after that Foursquare bills it. The price per
     * call after the free tier is NOT CONFIRMED (legacy v3 was $18.75 per 1,000); $0.015 is an estimate, which a
     * check overrides with {@code costPerCall:}.
     */
    public static final double DEFAULT_COST_PER_CALL = 0.015;
    private static final Pattern COORDINATES = Pattern.compile("\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");
    private static final Pattern VERSION_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public FoursquareOptions {
        Objects.requireNonNull(apiKey, "apiKey");
        ProviderUrls.requireBase(baseUrl, "baseUrl");
        if (!isCoordinatePair(ll)) {
            throw new IllegalArgumentException("ll must be latitude,longitude, was " + ll);
        }
        ll = ll.replaceAll("\\s", "");
        if (apiVersion == null || !VERSION_DATE.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("apiVersion must be a date such as " + DEFAULT_API_VERSION + ", was " + apiVersion);
        }
    }

    public static FoursquareOptions defaults(Secret apiKey, URI baseUrl) {
        return new FoursquareOptions(apiKey, baseUrl, DEFAULT_LL, DEFAULT_API_VERSION);
    }

    static boolean isCoordinatePair(String text) {
        Matcher matcher = text == null ? null : COORDINATES.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return false;
        }
        double latitude = Double.parseDouble(matcher.group(1));
        double longitude = Double.parseDouble(matcher.group(2));
        return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    }

    static boolean isVersionDate(String text) {
        return VERSION_DATE.matcher(text).matches();
    }
}
