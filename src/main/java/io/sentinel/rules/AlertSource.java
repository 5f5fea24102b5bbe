package io.sentinel.rules;

import io.sentinel.model.AlertEvent;
import java.util.List;

/**
 * A part that raises alert events away from the rules' evaluation of a result: a breaker that opened inside
 * a probe or by an operator's hand, a budget that refused a probe. They do not call the alert path; they
 * hold their events until the results route (after the next result) or the housekeeping route (at the
 * latest a second later) collects them, so every event reaches {@code direct:alerts} the same way.
 */
public interface AlertSource {

    /** The events raised since the last call, oldest first; each is returned once. */
    List<AlertEvent> drain();
}
