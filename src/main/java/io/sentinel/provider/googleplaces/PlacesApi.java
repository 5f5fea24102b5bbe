package io.sentinel.provider.googleplaces;

/** Which Google Places API a {@code google-places} check calls ({@code mode:} in the configuration). */
public enum PlacesApi {
    /** Places API (New): {@code POST /v1/places:searchText} with a field mask; errors use HTTP statuses. */
    NEW,
    /**
     * The legacy Places API: {@code GET /maps/api/place/findplacefromtext/json}; errors come back as HTTP 200
     * with a {@code status}, and the key travels in the URL. Google no longer enables it for new projects.
     */
    LEGACY
}
