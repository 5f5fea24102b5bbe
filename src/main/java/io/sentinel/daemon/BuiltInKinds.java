package io.sentinel.daemon;

import io.sentinel.config.CheckKinds;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.http.HttpCheckKind;
import io.sentinel.provider.cobalt.CobaltCheckKind;
import io.sentinel.provider.foursquare.FoursquareCheckKind;
import io.sentinel.provider.googleplaces.GooglePlacesCheckKind;
import java.util.List;

/** The check kinds this build ships. */
public final class BuiltInKinds {

    private BuiltInKinds() {
    }

    public static List<ProbeKind> all() {
        return List.of(
                new HttpCheckKind(),
                new GooglePlacesCheckKind(),
                new FoursquareCheckKind(),
                new CobaltCheckKind());
    }

    public static CheckKinds index() {
        return new CheckKinds(all());
    }
}
