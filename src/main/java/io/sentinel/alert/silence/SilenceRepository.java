package io.sentinel.alert.silence;

import java.util.List;

/** Where silences are kept across restarts. */
public interface SilenceRepository {

    /** Stores or replaces a silence. */
    void save(Silence silence);

    /** Every stored silence, ended ones included (they are kept for the record). */
    List<Silence> all();
}
