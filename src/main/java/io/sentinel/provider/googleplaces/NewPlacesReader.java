package io.sentinel.provider.googleplaces;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.probe.http.StatusFailures;
import java.util.Optional;

/** Reads a Places API (New) {@code places:searchText} answer. */
final class NewPlacesReader {

    static final String EXPECTED = "a JSON object with a 'places' list (or {} for no match)";

    private NewPlacesReader() {
    }

    /** The result, or empty when the answer has a shape this reader does not know (the caller reports SCHEMA). */
    static Optional<ProbeResult> read(HttpResponseSnapshot response, Optional<JsonNode> body, ProbeResult.Builder result,
                                      GooglePlacesOptions options) {
        int status = response.status();
        Optional<GoogleApiError> error = GoogleApiError.in(body);
        if (error.isPresent()) {
            return Optional.of(GoogleApiErrors.classify(error.get(), status, result));
        }
        if (status >= 300 && status < 400) {
            return Optional.empty();
        }
        if (status < 200 || status >= 400) {
            FailureClass failure = StatusFailures.of(status).orElse(FailureClass.HTTP_4XX);
            return Optional.of(result.down(failure, "HTTP " + status + " without Google's error envelope: "
                    + Excerpts.of(response.body())));
        }
        return body.filter(JsonNode::isObject).flatMap(json -> places(json, result, options));
    }

    private static Optional<ProbeResult> places(JsonNode json, ProbeResult.Builder result, GooglePlacesOptions options) {
        JsonNode places = json.get("places");
        if (places == null) {
            // proto3 JSON leaves out an empty list, so "nothing matched" is {} (INFERRED, NOT CONFIRMED by Google)
            return json.isEmpty()
                    ? Optional.of(result.reading("places.returned", 0).up("searchText answered: no place matched (empty object)"))
                    : Optional.empty();
        }
        if (!places.isArray()) {
            return Optional.empty();
        }
        for (JsonNode place : places) {
            if (!place.isObject() || (options.asksForPlaceIds() && !place.path("id").isTextual())) {
                return Optional.empty();
            }
        }
        int count = places.size();
        return Optional.of(result.reading("places.returned", count)
                .up("searchText answered: " + count + (count == 1 ? " place" : " places")));
    }
}
